"""Văn bản: administrative documents (báo cáo, tờ trình, biên bản, quyết định) as Word files in the
Nghị định 30/2020/NĐ-CP layout, from templates an office can edit."""
