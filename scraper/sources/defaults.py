"""The default source list, in the same TOML format a user's sources file uses.

A user file (``$MOFCOM_WATCH_SOURCES_FILE``) with ``[[source]]`` tables replaces a
default of the same name or adds a new one; ``enabled = false`` drops one.
"""

DEFAULT_SOURCES_TOML = r'''
[[source]]
name = "mofcom-announcements"
kind = "annual-index"
host = "www.mofcom.gov.cn"
path = "/zcfb/blgg/gg/{year}/index.html"
since = 2024

[[source]]
name = "mofcom-policy"
kind = "html-index"
host = "www.mofcom.gov.cn"
paths = ["/zwgk/zcfb/index.html"]

[[source]]
name = "mofcom-qa"
kind = "html-index"
host = "www.mofcom.gov.cn"
paths = ["/xwfb/xwfyrth/index.html"]

[[source]]
name = "mofcom-policy-list"
kind = "jpaas"
host = "www.mofcom.gov.cn"
referer_path = "/zwgk/zcfb/index.html"
page_size = 20
[source.params]
parseType = "bulidstatic"
webId = "8f43c7ad3afc411fb56f281724b73708"
tplSetId = "52551ea0e2c14bca8c84792f7aa37ead"
pageType = "column"
tagId = "分页列表"
editType = "null"
pageId = "fc8bdff48fa345a48b651c1285b70b8f"

[[source]]
name = "aqygzj"
kind = "aqygzj"
host = "aqygzj.mofcom.gov.cn"
home_path = "/index.html"
referer_path = "/flzc/gzjgfxwj/index.html"
page_size = 100
param_json = true
[source.params]
parseType = "bulidstatic"
webId = "b28941ad4e064442856787562c9a4961"
pageId = "79d6d2c4e44d458180d37dd4f0996645"
tagId = "信息列表"
tplSetId = "DDBav9QvwJVbs9iznQVmO"
pageType = "column"

[[source]]
name = "mfa-countermeasures"
kind = "mfa-countermeasures"
host = "www.mfa.gov.cn"
path = "/web/wjb_673085/zfxxgk_674865/gknrlb/fzcqdcs/"

[[source]]
name = "english-news"
kind = "english-news"
host = "english.mofcom.gov.cn"
# /News/SignificantNews/index.html is reported JavaScript-rendered (no links in its static HTML,
# which would be a permanent zero-links problem); add it in your sources file if it works for you.
paths = ["/News/PressConference/index.html"]

[[source]]
name = "news-pages"
kind = "news-pages"
host = ""
pages = []
indexes = []
'''

SOURCE_DESCRIPTIONS: dict[str, str] = {
    "mofcom-announcements": "MOFCOM announcements",
    "mofcom-policy": "MOFCOM policy releases",
    "mofcom-qa": "MOFCOM spokesperson's answers",
    "mofcom-policy-list": "MOFCOM policy releases (list service)",
    "aqygzj": "MOFCOM export control bureau's rules and notices",
    "mfa-countermeasures": "MFA countermeasure decisions",
    "english-news": "MOFCOM English site's press conferences",
    "news-pages": "news pages named in your sources file",
    "replay": "saved pages read by replay",  # not a source above: the source name of the pages `replay` reads
}
"""What each source above holds, for a reader of the source-health items and the front page, who knows the
spokesperson's answers, not "mofcom-qa" (``storage.vocabulary.source_label``: "MOFCOM spokesperson's answers
(mofcom-qa)"). A source added here gets a line; a test checks none is missing. A user's own source has its name alone."""
