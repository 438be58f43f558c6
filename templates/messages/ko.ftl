# 메모리얼 아틀라스: 한국어 인터페이스 (en.ftl 카탈로그의 번역).
# Fluent 문법 (https://projectfluent.org). `$n`은 해당 언어 방식으로 이미 표기된 숫자이고,
# `$count`는 같은 숫자로 복수형 선택에 쓰입니다(한국어는 `other` 하나뿐).

## 모든 페이지

site-name = 메모리얼 아틀라스
page-title = { $title } — { $site }
skip-to-content = 본문 바로가기
nav-label = 주 메뉴
nav-home = 홈
nav-sites = 장소
nav-countries = 국가
nav-dates = 기념일
nav-map = 지도
nav-about = 소개
search-label = 사이트 검색
search-field = 아틀라스 검색
search-placeholder = 장소, 지명, 이름 검색
search-button = 검색
languages-label = 언어
not-translated = 아직 번역되지 않음
breadcrumb-label = 이동 경로
build-errors-heading = 콘텐츠에 오류가 있습니다.
build-errors-text = 이 미리보기는 마지막으로 빌드에 성공한 버전입니다. 다음 오류를 고친 뒤 다시 저장하십시오:
footer-about = 메모리얼 아틀라스는 전쟁 기념 장소를 출처와 함께 기록합니다.
footer-policy = 편집 방침
footer-correction = 정정 요청
footer-open-data = 공개 데이터
footer-subscribe = 구독:
footer-feed = Atom 피드
footer-calendar = 기념일 달력
feed-title = 메모리얼 아틀라스: 최근 추가·확인된 장소
notice-untranslated = 이 항목은 아직 한국어로 번역되지 않아 영어 원문 그대로 표시됩니다.
notice-stale = 이 번역은 원문 항목이 마지막으로 변경된 { $date } 이전에 작성되었으므로 최신 수정 사항이 반영되지 않았을 수 있습니다.
draft = 초안

## 오류 페이지

error-404-title = 페이지를 찾을 수 없습니다
error-404-text = 이 주소에는 페이지가 없습니다. 페이지가 옮겨졌거나 주소가 잘못 입력되었을 수 있습니다.
error-400-title = 잘못된 요청
error-405-title = 허용되지 않는 메서드
error-405-text = 이 사이트는 페이지를 읽는 요청(GET 및 HEAD)에만 응답합니다.
error-503-title = 일시적으로 이용할 수 없음
error-503-text = 현재 사이트 데이터를 읽을 수 없습니다. 잠시 후 다시 시도해 주십시오.
error-500-title = 문제가 발생했습니다
error-500-text = 페이지를 만들 수 없습니다. 나중에 다시 시도해 주십시오.
error-status = 오류 { $status }.
error-try = 다음 페이지로 이동해 보십시오:
error-link-home = 홈페이지
error-link-sites = 전체 장소 목록
error-link-countries = 국가 목록
error-not-understood = 요청을 이해할 수 없습니다.
error-bad-query = 주소의 쿼리 문자열 형식이 잘못되었습니다({ $detail }).
error-bad-filter = `{ $value }`은(는) 올바른 `{ $facet }` 필터 값이 아닙니다. 사용할 수 있는 값: { $valid }.
error-bad-sort = `{ $value }`은(는) 올바른 정렬 방식이 아닙니다. 사용할 수 있는 값: { $valid }.
error-bad-page = `page={ $page }`은(는) 페이지 번호가 아닙니다. 1 이상의 정수를 입력하십시오.
error-query-too-long = 검색어가 { $length }자입니다. 검색어는 { $max }자까지 입력할 수 있습니다. 찾으려는 이름이나 장소에서 단어 몇 개만 입력하십시오.
error-too-long = 이 사이트에서 처리하기에는 주소가 너무 깁니다.
error-headers-too-large = 요청 헤더가 너무 큽니다.
error-bad-encoding = 주소의 퍼센트 인코딩 형식이 잘못되었습니다.
error-bad-utf8 = 주소가 올바른 UTF-8 텍스트가 아닙니다.
error-leaves-site = 주소가 사이트 폴더 밖으로 나가려 합니다.
error-query-utf8 = 쿼리 문자열이 올바른 UTF-8 텍스트가 아닙니다.
error-query-encoding = 쿼리 문자열의 퍼센트 인코딩 형식이 잘못되었습니다.

## 콘텐츠 용어: 유형, 상태, 사건, 전쟁

kind-monument = 기념비
kind-cemetery = 묘지
kind-grave = 묘
kind-memorial-complex = 기념 단지
kind-museum = 박물관
kind-plaque = 기념 명판
kind-street = 거리
kind-park = 공원
status-extant = 현존
status-destroyed = 파괴됨
status-dismantled = 철거됨
status-planned = 계획 중
status-under-construction = 건설 중
status-restoration-planned = 복원 계획
status-unknown = 미상
event-built = 건립
event-unveiled = 제막
event-opened = 개방
event-announced = 발표
event-groundbreaking = 착공
event-moved = 이전
event-damaged = 훼손
event-restored = 복원
event-renamed = 개칭
event-reburial = 이장
event-dismantled = 철거
event-destroyed = 파괴
event-other = 기타
# 문장 속의 사건: "1947년 8월 15일 제막".
event-on = { $what ->
    [built] { $date } 건립
    [unveiled] { $date } 제막
    [opened] { $date } 개방
    [announced] { $date } 발표
    [groundbreaking] { $date } 착공
    [moved] { $date } 이전
    [damaged] { $date } 훼손
    [restored] { $date } 복원
    [renamed] { $date } 개칭
    [reburial] { $date } 이장
    [dismantled] { $date } 철거
    [destroyed] { $date } 파괴
   *[other] { $date }에 있었던 일
}
event-on-date = { $date }
conflict-second-world-war = 제2차 세계대전
conflict-soviet-japanese-war = 소련-일본 전쟁
conflict-russo-japanese-war = 러일 전쟁
conflict-russian-invasion-of-ukraine = 러시아의 우크라이나 침공

## 장소 목록

sites-heading-all = 전체 장소
sites-heading-filtered = 장소
sites-title-filtered = 장소(필터 적용)
list-title-page = { $title }, { $n }페이지
sites-count = 장소 { $n }곳
sites-match = 필터에 해당하는 장소는 { $n }곳입니다.
sites-total = 장소 { $n }곳.
sites-description = 기념 장소, 묘지, 묘 { $n }곳과 각각의 출처.
sites-description-filtered = { $filters } 조건에 해당하는 기념 장소 { $n }곳과 각각의 출처.
clear-filters = 모든 필터 해제
filters-label = 필터
facet-country = 국가
facet-kind = 유형
facet-status = 상태
facet-conflict = 전쟁
facet-date = 기념일
facet-selected = (선택됨, 누르면 해제)
sort-by = 정렬:
sort-name = 이름순
sort-country = 국가·지역순
sort-established = 건립일순
no-match = 이 필터에 해당하는 장소가 없습니다.
sites-caption = 기념 장소의 위치, 유형, 상태
col-site = 장소
col-place = 위치
col-country = 국가
col-kind = 유형
col-status = 상태
col-established = 건립
pager-label = 페이지
pager-prev = 이전 페이지
pager-next = 다음 페이지
pager-position = 전체 { $pages }페이지 중 { $page }페이지
more-sites = 전체 { $total }곳 중 처음 { $shown }곳입니다.
more-sites-link = { $label }, 페이지별 보기

## 장소 페이지

other-names = 다른 언어 이름
site-meta = { $kind }, { $place }
facts = 개요
fact-country = 국가
fact-locality = 소재지
fact-region = 지역
fact-kind = 유형
fact-status = 상태
fact-established = 건립
fact-removed = 철거·소실
fact-honours = 기리는 대상
fact-conflicts = 관련 전쟁
fact-burials = 안장자
burials-total = 총 { $n }명 안장
burials-known = 이름이 알려진 사람 { $n }명
burials-unknown = 신원 미상 { $n }명
burials-military = 군인 { $n }명
fact-caretaker = 관리 주체
fact-visiting = 방문 안내
fact-coordinates = 좌표
coordinates-approximate = 대략적 위치({ $place } 중심):
view-on-osm = OpenStreetMap에서 보기
open-in-osm = OpenStreetMap에서 열기
fact-osm = OpenStreetMap
fact-wikidata = 위키데이터
fact-commemorated = 기념일
location-of = { $title }의 위치
history = 연혁
nearby-sites = 주변 장소
distance-same-town = 같은 지역
distance-about-km = 약 { $km }km
distance-km = { $km }km
sources = 출처
back-to-text = 본문으로 돌아가기
source-n = 출처 { $n }
last-checked = 최종 확인일:
sentence-end = .
not-checked = 아직 출처와 대조하지 않았습니다.
suggest-correction = 정정 제안
north = 북
south = 남
east = 동
west = 서
notes = 주

## 기념일

dates-title = 기념일
dates-description = 기념 장소에서 추모 행사가 열리는 날을 월별로 정리하고, 각 기념일의 다음 날짜를 함께 표시합니다.
dates-intro = 기념 장소에서 헌화와 추모 행사가 열리는 날을 월별로 정리했습니다.
dates-add-all = 모두 달력에 추가
dates-today = 오늘의 기념일
dates-none = 아직 입력된 기념일이 없습니다.
month-none = 기념일이 없습니다.
calendar-link-title = 기념일(iCalendar)
next-label = 다음:
days-until = { $count ->
    [0] 오늘
    [1] 내일
   *[other] { $n }일 후
}
date-description = { $title }, { $day }: 이날을 기념하는 장소.
date-title = { $title } ({ $day })
fact-date = 날짜
every-year = 매년 { $day }
observed-since = , { $year }년부터 기념
fact-next = 다음
add-to-calendar = 날짜를 달력에 추가
fact-observed-in = 기념 국가
where-ceremonies = 추모 행사 장소
no-ceremonies = 아틀라스에는 아직 이 날짜에 추모 행사가 열리는 장소가 없습니다.
all-sites-marking = { $title } 기념 장소 전체({ $n }곳)
anniversaries-on-date = 각 장소 역사 속의 이날
anniversaries-on-day = 각 장소 역사 속의 기념일
on-this-day-title = 이날: { $day }
other-days = 다른 날
no-date-on-day = 아틀라스에는 { $day }에 해당하는 기념일이 없습니다.
see-calendar = 전체 기념일 달력 보기.
on-this-day-none = 아틀라스에는 { $day }에 해당하는 기념일이 없습니다.
on-this-day-some = { $day }의 기념일: { $titles }.
file-facts = { $size }(압축 시 { $gzip }), 최종 변경:

## 국가

countries-title = 국가
countries-description = 아틀라스에 기념 장소가 있는 국가와 국가별 장소 수.
countries-none = 아직 입력된 국가가 없습니다.
other-names-country = 다른 이름
country-map = { $country }에서 좌표가 알려진 장소.
country-map-none = { $country }에는 아직 입력된 장소가 없습니다.
all-on-map = 지도에서 모든 장소 보기
country-sites-heading = 장소({ $n })
country-no-sites = { $country }에는 아직 입력된 장소가 없습니다.
all-sites-in = { $country }의 장소 전체({ $n }곳)
dates-observed-in = { $country }의 기념일
add-country-dates = 이 날짜들을 달력에 추가
country-description = { $country }의 기념 장소: { $sites }.
calendar-of-country = { $country }의 기념일(iCalendar)

## 지도

map-title = 기념 장소 지도
map-description = 출처에 근거한 좌표가 있는 기념 장소를 지도에 표시합니다.
map-located = 전체 { $total }곳 중 { $located }곳은 출처에 근거한 좌표가 있어 여기에 표시됩니다. 표시를 누르면 해당 장소의 페이지로 이동합니다.
map-others = 나머지 장소는 지도에 없습니다. 아틀라스는 출처가 위치를 제시하는 경우에만 장소의 위치를 입력합니다. 전체 목록:
map-osm = 거리 수준의 상세 지도는 각 장소 페이지의 링크를 통해 볼 수 있습니다:
map-shown = 지도에는 이 가운데 { $shown }곳이 가나다순으로 표시됩니다. 나머지는 다음 목록의 필터를 이용하십시오:
map-outlines = 국가 윤곽: Natural Earth(퍼블릭 도메인).
map-sites-heading = 지도의 장소
map-caption-sites = { $countries }의 장소 { $n }곳
map-legend-exact = 장소의 실제 위치
map-legend-approximate = 대략적 위치: 장소가 있는 도시·마을의 중심
map-legend-group = 한 도시·마을에 있는 여러 장소(이 페이지에 목록 있음)
map-marker-approximate = { $name }(대략적 위치: 도시·마을의 중심)
map-marker-group = { $place }의 장소 { $n }곳: 목록 보기
map-where = 지도: { $title }의 위치
map-of-country = { $country }의 기념 장소 지도
map-of = 지도: { $caption }
map-world-empty = 세계 지도: 아직 좌표가 있는 장소가 없습니다
list-and = { $rest } 및 { $last }
country-title = { $country }의 기념 장소

## 홈

home-description = 전쟁 기념물, 묘지, 묘를 출처와 함께 기록한 목록과 그 기념일.
home-lead = 기념비, 묘지, 묘, 박물관 등 전쟁 기념 장소의 목록으로, 모든 사실을 출처와 연결합니다. 1945년 한반도 해방과 관련된 기념물, 그리고 러시아와 북한이 현재 건립하고 있는 기념물에서 시작합니다.
home-counts = { $countries }의 장소 { $n }곳 · { $dates } · { $sources } 인용
countries-count = { $n }개국
dates-count = 기념일 { $n }개
sources-count = 출처 { $n }건
coming-up = 다가오는 기념일
all-dates = 모든 기념일
recently-checked = 최근 확인된 장소
checked = 확인일

## 공개 데이터

data-title = 공개 데이터
data-description = 아틀라스에 공개된 모든 장소를 JSON, GeoJSON, CSV, JSON Lines 형식으로 제공하며, CC BY 4.0에 따라 자유롭게 재사용할 수 있습니다.
data-intro = 아틀라스에 공개된 모든 장소는 데이터로도 제공되며, 다음 라이선스에 따라 자유롭게 재사용할 수 있습니다:
data-licence = 크리에이티브 커먼즈 저작자표시 4.0 국제 라이선스
data-credit = 출처는 “Memorial Atlas”(메모리얼 아틀라스)로 표시하고, 특정 사실에 근거할 때는 각 장소에 제시된 출처도 밝혀 주십시오. 이미지에는 각각의 라이선스가 적용됩니다.
data-downloads = 내려받기
data-json = 전체 장소(JSON)
data-json-note = 모든 장소의 모든 필드({ $n }곳).
data-geojson = 좌표가 있는 장소(GeoJSON)
data-geojson-note = 지도 및 GIS 도구용({ $n }곳).
data-csv = 전체 장소(CSV)
data-csv-note = 스프레드시트용. 목록 항목은 “; ”로 연결됩니다.
data-jsonl = 전체 장소(JSON Lines)
data-jsonl-note = 한 줄에 장소 하나씩, 각각 고정 식별자, 주소, 갱신일 포함. 스트리밍 도구용.
data-languages = 각 파일에는 아틀라스의 모든 언어가 들어 있습니다. 영어 원문과, 각 번역(러시아어, 한국어, 중국어)의 제목 및 요약입니다.
data-subscriptions = 구독
data-feed-note = 최근 추가되거나 확인된 장소.
data-calendar-note = 모든 달력 앱용(iCalendar). 각 국가 페이지에서 그 나라의 기념일을 받을 수 있습니다.
data-sitemap = 사이트맵
data-sitemap-note = 모든 언어의 모든 페이지와 각 페이지의 최종 변경일.
data-caching = 파일은 콘텐츠가 바뀔 때 함께 바뀝니다. 각 파일은 ETag와 Last-Modified 날짜를 제공하므로, 변경이 없으면 다시 받아도 부담이 없고, 중단된 다운로드는 멈춘 곳부터 이어받을 수 있습니다(바이트 범위). gzip이나 brotli를 지원하는 브라우저와 도구는 압축된 파일을 받습니다. 초안은 포함되지 않습니다.

## 검색

search-title = 검색: { $query }
search-description = 아틀라스의 기념 장소, 국가, 기념일을 어떤 언어로든 검색합니다.
search-any-language = 장소, 이름, 날짜를 어떤 언어로든 검색하십시오
search-tips = 검색 도움말
search-tip-place = 장소, 어떤 문자로 쓴 이름, 또는 장소가 기리는 대상으로 검색할 수 있습니다. 예:
search-tip-words = 모든 단어가 포함되어야 하며, 단어의 앞부분만으로도 충분합니다. 예를 들어 Pyong으로 Pyongyang을 찾을 수 있습니다. 더 긴 단어가 함께 있으면 한 글자로 된 단어(한글·한자 제외)는 제외됩니다.
search-tip-browse = 또는 둘러보기:
search-none = “{ $query }”에 대한 검색 결과가 없습니다.
search-capped = “{ $query }” 검색 결과 중 처음 { $n }건에서 가장 적합한 결과를 표시합니다. 단어나 장소를 추가해 검색 범위를 좁히십시오.
search-partial = “{ $query }” 검색 결과 { $n }건(일부 단어만 일치).
search-results = “{ $query }” 검색 결과 { $n }건.
search-no-results-help = 철자를 확인하거나, 단어 수를 줄이거나, 다음을 둘러보십시오:
result-site = 장소
result-country = 국가
result-date = 기념일
result-page = 페이지
size-bytes = { $n }바이트
size-kb = { $n }kB
size-mb = { $n }MB

## 피드와 달력

feed-author = 메모리얼 아틀라스 편집진
calendar-name = 메모리얼 아틀라스: 기념일
calendar-name-country = 메모리얼 아틀라스: { $country }의 기념일
calendar-every-year = 매년 { $day }.
