# 纪念地图集：简体中文界面（en.ftl 目录的译文）。
# Fluent 语法（https://projectfluent.org）。`$n` 是已按该语言书写格式化的数字；
# `$count` 是同一数字，用于选择复数形式（中文只有 `other`）。

## 所有页面

site-name = 纪念地图集
page-title = { $title } — { $site }
skip-to-content = 跳到主要内容
nav-label = 主导航
nav-home = 首页
nav-sites = 纪念地
nav-countries = 国家
nav-dates = 纪念日
nav-map = 地图
nav-about = 关于
search-label = 站内搜索
search-field = 搜索图集
search-placeholder = 搜索纪念地、地点、名称
search-button = 搜索
languages-label = 语言
not-translated = 尚未翻译
breadcrumb-label = 面包屑导航
build-errors-heading = 内容有错误。
build-errors-text = 此预览显示的是最后一次成功生成的版本。请修正以下错误后重新保存：
footer-about = 纪念地图集记录战争纪念地，并注明其来源。
footer-policy = 编辑方针
footer-correction = 提交更正
footer-open-data = 开放数据
footer-subscribe = 订阅：
footer-feed = Atom 订阅源
footer-calendar = 纪念日日历
feed-title = 纪念地图集：最近添加和核查的纪念地
notice-untranslated = 本条目尚未译成中文，按英文原文显示。
notice-stale = 本译文完成于原始条目最近一次修改（{ $date }）之前，可能未反映最新的更正。
draft = 草稿

## 错误页面

error-404-title = 找不到页面
error-404-text = 此地址没有页面。页面可能已移动，或地址输入有误。
error-400-title = 错误的请求
error-405-title = 不允许的方法
error-405-text = 本网站仅响应读取页面的请求（GET 和 HEAD）。
error-503-title = 暂时无法访问
error-503-text = 目前无法读取网站数据。请一分钟后重试。
error-500-title = 出现错误
error-500-text = 无法生成页面。请稍后重试。
error-status = 错误 { $status }。
error-try = 可尝试以下页面：
error-link-home = 首页
error-link-sites = 全部纪念地列表
error-link-countries = 国家列表
error-not-understood = 无法理解该请求。
error-bad-query = 地址中的查询字符串格式错误（{ $detail }）。
error-bad-filter = `{ $value }` 不是有效的 `{ $facet }` 筛选值。有效值：{ $valid }。
error-bad-sort = `{ $value }` 不是有效的排序方式。有效值：{ $valid }。
error-bad-page = `page={ $page }` 不是页码：请使用从 1 开始的整数。
error-query-too-long = 搜索文本长{ $length }个字符；最多接受{ $max }个字符。请输入所查名称或地点中的几个词。
error-too-long = 地址过长，本网站无法处理。
error-headers-too-large = 请求头过大。
error-bad-encoding = 地址中的百分号编码格式错误。
error-bad-utf8 = 地址不是有效的 UTF-8 文本。
error-leaves-site = 该地址试图访问网站目录之外的位置。
error-query-utf8 = 查询字符串不是有效的 UTF-8 文本。
error-query-encoding = 查询字符串中的百分号编码格式错误。

## 内容词汇：类型、状态、事件、战争

kind-monument = 纪念碑
kind-cemetery = 墓地
kind-grave = 坟墓
kind-memorial-complex = 纪念建筑群
kind-museum = 博物馆
kind-plaque = 纪念牌
kind-street = 街道
kind-park = 公园
status-extant = 现存
status-destroyed = 已毁
status-dismantled = 已拆除
status-planned = 规划中
status-under-construction = 在建
status-restoration-planned = 计划修复
status-unknown = 不详
event-built = 建成
event-unveiled = 揭幕
event-opened = 开放
event-announced = 宣布
event-groundbreaking = 奠基
event-moved = 迁移
event-damaged = 受损
event-restored = 修复
event-renamed = 更名
event-reburial = 迁葬
event-dismantled = 拆除
event-destroyed = 被毁
event-other = 其他
# 句中的事件：“1947年8月15日揭幕”。
event-on = { $what ->
    [built] { $date }建成
    [unveiled] { $date }揭幕
    [opened] { $date }开放
    [announced] { $date }宣布
    [groundbreaking] { $date }奠基
    [moved] { $date }迁移
    [damaged] { $date }受损
    [restored] { $date }修复
    [renamed] { $date }更名
    [reburial] { $date }迁葬
    [dismantled] { $date }拆除
    [destroyed] { $date }被毁
   *[other] { $date }发生的事件
}
event-on-date = { $date }
conflict-second-world-war = 第二次世界大战
conflict-soviet-japanese-war = 苏日战争
conflict-russo-japanese-war = 日俄战争
conflict-russian-invasion-of-ukraine = 俄罗斯入侵乌克兰

## 纪念地列表

sites-heading-all = 全部纪念地
sites-heading-filtered = 纪念地
sites-title-filtered = 纪念地（已筛选）
list-title-page = { $title }，第{ $n }页
sites-count = { $n }处纪念地
sites-match = { $n }处纪念地符合筛选条件。
sites-total = 共{ $n }处纪念地。
sites-description = { $n }处战争纪念地（包括纪念碑、墓地和坟墓），均注明来源。
sites-description-filtered = 符合“{ $filters }”的{ $n }处纪念地，均注明来源。
clear-filters = 清除所有筛选
filters-label = 筛选
facet-country = 国家
facet-kind = 类型
facet-status = 状态
facet-conflict = 战争
facet-date = 纪念日
facet-selected = （已选，点击取消）
sort-by = 排序：
sort-name = 按名称
sort-country = 按国家和地点
sort-established = 按建立日期
no-match = 没有符合这些筛选条件的纪念地。
sites-caption = 纪念地及其地点、类型和状态
col-site = 纪念地
col-place = 地点
col-country = 国家
col-kind = 类型
col-status = 状态
col-established = 建立
pager-label = 分页
pager-prev = 上一页
pager-next = 下一页
pager-position = 第{ $page }页，共{ $pages }页
more-sites = 以下为{ $total }处纪念地中的前{ $shown }处。
more-sites-link = { $label }（分页浏览）

## 纪念地页面

other-names = 其他语言名称
site-meta = { $kind } · { $place }
facts = 基本信息
fact-country = 国家
fact-locality = 所在地
fact-region = 地区
fact-kind = 类型
fact-status = 状态
fact-established = 建立
fact-removed = 移除
fact-honours = 纪念对象
fact-conflicts = 相关战争
fact-burials = 安葬
burials-total = 共安葬{ $n }人
burials-known = 已知姓名{ $n }人
burials-unknown = 姓名不详{ $n }人
burials-military = 军人{ $n }人
fact-caretaker = 管理方
fact-visiting = 参观信息
fact-coordinates = 坐标
coordinates-approximate = 近似位置（{ $place }中心）：
view-on-osm = 在 OpenStreetMap 上查看
open-in-osm = 在 OpenStreetMap 中打开
fact-osm = OpenStreetMap
fact-wikidata = 维基数据
fact-commemorated = 纪念日
location-of = { $title }的位置
history = 历史沿革
nearby-sites = 附近的纪念地
distance-same-town = 同一城镇
distance-about-km = 约{ $km }公里
distance-km = { $km }公里
sources = 来源
back-to-text = 返回正文
source-n = 来源{ $n }
last-checked = 最近核查：
sentence-end = 。
not-checked = 尚未与来源核对。
suggest-correction = 建议更正
north = 北
south = 南
east = 东
west = 西
notes = 注释

## 纪念日

dates-title = 纪念日
dates-description = 在纪念地举行纪念仪式的日子，按月份排列，并注明每个日子的下一次日期。
dates-intro = 在纪念地献花圈、举行仪式的日子，按月份排列。
dates-add-all = 全部添加到日历
dates-today = 今日纪念
dates-none = 尚未录入纪念日。
month-none = 无纪念日。
calendar-link-title = 纪念日（iCalendar）
next-label = 下次：
days-until = { $count ->
    [0] 今天
    [1] 明天
   *[other] { $n }天后
}
date-description = { $title }，{ $day }：纪念这一日子的纪念地。
date-title = { $title }（{ $day }）
fact-date = 日期
every-year = 每年{ $day }
observed-since = ，自{ $year }年起纪念
fact-next = 下次
add-to-calendar = 将日期添加到日历
fact-observed-in = 纪念国家
where-ceremonies = 举行仪式的地点
no-ceremonies = 本图集尚无在此日期举行仪式的纪念地。
all-sites-marking = 纪念{ $title }的全部{ $n }处纪念地
anniversaries-on-date = 纪念地历史上的这一天
anniversaries-on-day = 纪念地历史上的周年
on-this-day-title = 这一天：{ $day }
other-days = 其他日期
no-date-on-day = 本图集中没有落在{ $day }的纪念日。
see-calendar = 查看所有日期的日历。
on-this-day-none = 本图集中没有落在{ $day }的纪念日。
on-this-day-some = { $day }纪念：{ $titles }。
file-facts = { $size }（压缩后{ $gzip }），更新于

## 国家

countries-title = 国家
countries-description = 本图集中有纪念地的国家，以及各国的纪念地数量。
countries-none = 尚未录入国家。
other-names-country = 其他名称
country-map = { $country }境内坐标已知的纪念地。
country-map-none = 尚未录入{ $country }的纪念地。
all-on-map = 地图上的全部纪念地
country-sites-heading = 纪念地（{ $n }）
country-no-sites = 尚未录入{ $country }的纪念地。
all-sites-in = { $country }的全部{ $n }处纪念地
dates-observed-in = { $country }的纪念日
add-country-dates = 将这些日期添加到日历
country-description = { $country }的纪念地：{ $sites }。
calendar-of-country = { $country }的纪念日（iCalendar）

## 地图

map-title = 纪念地地图
map-description = 在地图上显示坐标来自来源的纪念地。
map-located = { $total }处纪念地中有{ $located }处具有来源提供的坐标，显示于此；点击标记可进入其页面。
map-others = 其余纪念地未在地图上显示：本图集仅在来源给出位置时才录入纪念地的位置。完整列表见
map-osm = 如需街道级细节，每个纪念地页面都提供链接，指向
map-shown = 地图按字母顺序显示其中{ $shown }处；其余纪念地请使用以下列表的筛选功能：
map-outlines = 国家轮廓：Natural Earth（公有领域）。
map-sites-heading = 地图上的纪念地
map-caption-sites = { $countries }的{ $n }处纪念地
map-legend-exact = 纪念地的确切位置
map-legend-approximate = 近似位置：纪念地所在城镇的中心
map-legend-group = 同一城镇的多处纪念地，列于本页
map-marker-approximate = { $name }（近似位置：城镇中心）
map-marker-group = { $place }的{ $n }处纪念地：查看列表
map-where = 地图：{ $title }的位置
map-of-country = { $country }纪念地地图
map-of = 地图：{ $caption }
map-world-empty = 世界地图：尚无纪念地有坐标
list-and = { $rest }和{ $last }
country-title = { $country }的纪念地

## 首页

home-description = 附有来源的战争纪念设施、墓地和坟墓名录，及其纪念日。
home-lead = 战争纪念地名录——包括纪念碑、墓地、坟墓和博物馆——每一项事实都注明来源。本名录首先收录1945年朝鲜半岛解放的纪念设施，以及俄罗斯和朝鲜目前正在建造的纪念设施。
home-counts = { $countries }的{ $n }处纪念地 · { $dates } · 引用{ $sources }
countries-count = { $n }个国家
dates-count = { $n }个纪念日
sources-count = { $n }条来源
coming-up = 即将到来
all-dates = 全部纪念日
recently-checked = 最近核查
checked = 核查于

## 开放数据

data-title = 开放数据
data-description = 本图集所有已发布的纪念地，提供 JSON、GeoJSON、CSV 和 JSON Lines 格式，可依据 CC BY 4.0 自由再利用。
data-intro = 本图集每一处已发布的纪念地也以数据形式提供，可自由再利用，许可协议为
data-licence = 知识共享署名 4.0 国际许可协议
data-credit = 署名请注明“Memorial Atlas”（纪念地图集）；依据具体事实时，请同时引用各纪念地所列的来源。图片适用其各自的许可协议。
data-downloads = 下载
data-json = 全部纪念地（JSON）
data-json-note = 所有纪念地的全部字段（{ $n }处）。
data-geojson = 有坐标的纪念地（GeoJSON）
data-geojson-note = 用于地图和 GIS 工具（{ $n }处）。
data-csv = 全部纪念地（CSV）
data-csv-note = 用于电子表格；列表以“; ”连接。
data-jsonl = 全部纪念地（JSON Lines）
data-jsonl-note = 每行一处纪念地，各含固定标识符、网址和更新日期，适用于流式处理工具。
data-languages = 每个文件都包含本图集的所有语言：英文原文，以及各译本（俄文、韩文、中文）的标题和摘要。
data-subscriptions = 订阅
data-feed-note = 最近添加或核查的纪念地。
data-calendar-note = 适用于任何日历应用（iCalendar）；各国页面提供该国纪念的日期。
data-sitemap = 网站地图
data-sitemap-note = 所有语言的全部页面，附最后更改日期。
data-caching = 文件随内容变化而更新；每个文件都带有 ETag 和 Last-Modified 日期，因此内容未变时重新获取不会产生开销，中断的下载也可从停止处继续（字节范围）。接受 gzip 或 brotli 的浏览器和工具会获得压缩文件。草稿从不包含在内。

## 搜索

search-title = 搜索：{ $query }
search-description = 以任何语言搜索本图集的纪念地、国家和纪念日。
search-any-language = 可用任何语言搜索地点、名称或日期
search-tips = 搜索提示
search-tip-place = 可按地点、以任何文字书写的名称或纪念对象搜索，例如：
search-tip-words = 每个词都必须出现；词的开头即可匹配：输入 Pyong 可找到 Pyongyang。若有较长的词，单个字母的词将被忽略（汉字和韩文除外）。
search-tip-browse = 或浏览：
search-none = 没有找到“{ $query }”的结果。
search-capped = 显示“{ $query }”前{ $n }条结果中最相关的部分。请添加词语或地点以缩小搜索范围。
search-partial = “{ $query }”的{ $n }条结果（仅匹配部分词语）。
search-results = “{ $query }”的搜索结果：{ $n }条。
search-no-results-help = 请检查拼写、减少词语，或浏览
result-site = 纪念地
result-country = 国家
result-date = 纪念日
result-page = 页面
size-bytes = { $n } 字节
size-kb = { $n } kB
size-mb = { $n } MB

## 订阅源和日历

feed-author = 纪念地图集编辑部
calendar-name = 纪念地图集：纪念日
calendar-name-country = 纪念地图集：{ $country }的纪念日
calendar-every-year = 每年{ $day }。
