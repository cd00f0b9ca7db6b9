"""MFA countermeasure decisions (外交部令第N号, 关于对…采取反制措施的决定, annex 《反制清单》).

Two layouts occur (``shared/domain.md`` b.7): the older wraps the decision in an order
page (中华人民共和国外交部令 / 第 4 号 / 现公布《…》，自…起施行。/ 部长 / date), the newer
opens with "（2024年10月10日中华人民共和国外交部令第13号公布，自…起施行）". Both state the
measures per group of targets ("对A、B等3家…企业，冻结…", "对X（role）…等10名…人员") and most
end with an annex in sections (一、企业 / 二、高级管理人员) whose lines are
"（一）名称（English）" or "（一）姓名（English），男，role". Targets are organisations
and individuals; a person's role is kept as a note, never as part of the name.

Pure functions over the clean text (see ``textnorm.clean``): numbers are matched on the
width-folded copy and names sliced from the clean one, so they stay as written.

The package's modules, from the bottom up: ``wording`` (regexes and words), ``names`` (one target's name), ``annex``,
``groups`` (the decision's "对…等N家" phrases), ``reading`` (identity and targets), ``status`` (decisions on earlier
countermeasures), ``amend`` (list amendments), ``checks`` (what a person must read), ``decision`` (``parse_decision``),
``english``, ``detect`` (the genre's entry points).

Import what you need from the module that holds it: this package imports nothing itself, so a MOFCOM text never
loads the decision reader (its ~100 regular expressions were a third of ``mofcom-watch parse FILE``'s start, issue
11); ``notice.GENRES`` loads ``detect`` alone, which loads the rest when a text is a decision.
"""
