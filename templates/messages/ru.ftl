# Мемориальный атлас: интерфейс на русском языке (перевод каталога en.ftl).
# Синтаксис Fluent (https://projectfluent.org). `$n` — число, уже записанное по правилам языка;
# `$count` — то же число, для выбора формы множественного числа (one, few, many, other).

## Все страницы

site-name = Мемориальный атлас
page-title = { $title } — { $site }
skip-to-content = Перейти к основному содержанию
nav-label = Основная навигация
nav-home = Главная
nav-sites = Объекты
nav-countries = Страны
nav-dates = Даты
nav-map = Карта
nav-about = О проекте
search-label = Поиск по сайту
search-field = Поиск по атласу
search-placeholder = Объекты, места, имена
search-button = Найти
languages-label = Языки
not-translated = ещё не переведено
breadcrumb-label = Навигационная цепочка
build-errors-heading = В содержании есть ошибки.
build-errors-text = В предварительном просмотре показана последняя успешно собранная версия. Исправьте ошибки и сохраните снова:
footer-about = «Мемориальный атлас» описывает мемориальные объекты, связанные с войнами, со ссылками на источники.
footer-policy = Редакционная политика
footer-correction = Отправить исправление
footer-open-data = Открытые данные
footer-subscribe = Подписка:
footer-feed = лента Atom
footer-calendar = календарь памятных дат
feed-title = Мемориальный атлас: недавно добавленные и проверенные объекты
notice-untranslated = Эта запись ещё не переведена на русский язык и показана на английском, в исходном виде.
notice-stale = Этот перевод сделан до последнего изменения исходной записи ({ $date }) и может не отражать последних исправлений.
draft = Черновик

## Страницы ошибок

error-404-title = Страница не найдена
error-404-text = По этому адресу страницы нет. Возможно, она перемещена или адрес набран с ошибкой.
error-400-title = Неверный запрос
error-405-title = Метод не разрешён
error-405-text = Сайт отвечает только на запросы чтения страниц (GET и HEAD).
error-503-title = Временно недоступно
error-503-text = Данные сайта сейчас недоступны. Повторите попытку через минуту.
error-500-title = Произошла ошибка
error-500-text = Не удалось сформировать страницу. Повторите попытку позже.
error-status = Ошибка { $status }.
error-try = Попробуйте перейти:
error-link-home = главная страница
error-link-sites = список всех объектов
error-link-countries = список стран
error-not-understood = Не удалось разобрать запрос.
error-bad-query = В адресе неверно сформирована строка запроса ({ $detail }).
error-bad-filter = `{ $value }` — недопустимое значение фильтра «{ $facet }». Допустимые значения: { $valid }.
error-bad-sort = `{ $value }` — недопустимый порядок сортировки. Допустимые значения: { $valid }.
error-bad-page = `page={ $page }` — не номер страницы: укажите целое число от 1.
error-query-too-long = Длина запроса — { $length } симв.; допускается не более { $max } симв. Введите несколько слов из названия или места, которое вы ищете.
error-too-long = Адрес слишком длинный для этого сайта.
error-headers-too-large = Заголовки запроса слишком велики.
error-bad-encoding = В адресе неверная процентная кодировка.
error-bad-utf8 = Адрес не является допустимым текстом UTF-8.
error-leaves-site = Адрес пытается выйти за пределы папок сайта.
error-query-utf8 = Строка запроса не является допустимым текстом UTF-8.
error-query-encoding = В строке запроса неверная процентная кодировка.

## Словари содержания: типы, состояния, события, войны

kind-monument = Памятник
kind-cemetery = Кладбище
kind-grave = Могила
kind-memorial-complex = Мемориальный комплекс
kind-museum = Музей
kind-plaque = Мемориальная доска
kind-street = Улица
kind-park = Парк
status-extant = Существует
status-destroyed = Уничтожен
status-dismantled = Демонтирован
status-planned = Планируется
status-under-construction = Строится
status-restoration-planned = Планируется восстановление
status-unknown = Неизвестно
event-built = Сооружение
event-unveiled = Торжественное открытие
event-opened = Открытие
event-announced = Объявление о создании
event-groundbreaking = Закладка
event-moved = Перенос
event-damaged = Повреждение
event-restored = Восстановление
event-renamed = Переименование
event-reburial = Перезахоронение
event-dismantled = Демонтаж
event-destroyed = Уничтожение
event-other = Другое
# Событие во фразе: «торжественное открытие 15 августа 1947 г.».
event-on = { $what ->
    [built] сооружение { $date }
    [unveiled] торжественное открытие { $date }
    [opened] открытие { $date }
    [announced] объявление о создании { $date }
    [groundbreaking] закладка { $date }
    [moved] перенос { $date }
    [damaged] повреждение { $date }
    [restored] восстановление { $date }
    [renamed] переименование { $date }
    [reburial] перезахоронение { $date }
    [dismantled] демонтаж { $date }
    [destroyed] уничтожение { $date }
   *[other] событие { $date }
}
event-on-date = { $date }
conflict-second-world-war = Вторая мировая война
conflict-soviet-japanese-war = Советско-японская война
conflict-russo-japanese-war = Русско-японская война
conflict-russian-invasion-of-ukraine = Вторжение России в Украину

## Список объектов

sites-heading-all = Все объекты
sites-heading-filtered = Объекты
sites-title-filtered = Объекты (с фильтрами)
list-title-page = { $title }, страница { $n }
sites-count = { $count ->
    [one] { $n } объект
    [few] { $n } объекта
    [many] { $n } объектов
   *[other] { $n } объекта
}
sites-match = { $count ->
    [one] Фильтрам соответствует { $n } объект.
    [few] Фильтрам соответствуют { $n } объекта.
    [many] Фильтрам соответствуют { $n } объектов.
   *[other] Фильтрам соответствуют { $n } объекта.
}
sites-total = { $count ->
    [one] Всего { $n } объект.
    [few] Всего { $n } объекта.
    [many] Всего { $n } объектов.
   *[other] Всего { $n } объекта.
}
sites-description = { $count ->
    [one] { $n } мемориальный объект — памятник, кладбище или могила — со ссылками на источники.
    [few] { $n } мемориальных объекта — памятники, кладбища и могилы, — у каждого указаны источники.
    [many] { $n } мемориальных объектов — памятники, кладбища и могилы, — у каждого указаны источники.
   *[other] { $n } мемориального объекта — памятники, кладбища и могилы, — у каждого указаны источники.
}
sites-description-filtered = { $count ->
    [one] { $n } мемориальный объект ({ $filters }) со ссылками на источники.
    [few] { $n } мемориальных объекта ({ $filters }), у каждого указаны источники.
    [many] { $n } мемориальных объектов ({ $filters }), у каждого указаны источники.
   *[other] { $n } мемориального объекта ({ $filters }), у каждого указаны источники.
}
clear-filters = Сбросить все фильтры
filters-label = Фильтры
facet-country = Страна
facet-kind = Тип
facet-status = Состояние
facet-conflict = Война
facet-date = Памятная дата
facet-selected = (выбрано; нажмите, чтобы снять)
sort-by = Сортировка:
sort-name = по названию
sort-country = по стране и месту
sort-established = по дате создания
no-match = Ни один объект не соответствует этим фильтрам.
sites-caption = Мемориальные объекты: место, тип и состояние
col-site = Объект
col-place = Место
col-country = Страна
col-kind = Тип
col-status = Состояние
col-established = Дата создания
pager-label = Страницы
pager-prev = Предыдущая страница
pager-next = Следующая страница
pager-position = Страница { $page } из { $pages }
more-sites = Здесь показаны первые { $shown } из { $total }.
more-sites-link = { $label } — постранично

## Страница объекта

other-names = Названия на других языках
site-meta = { $kind }, { $place }
facts = Сведения
fact-country = Страна
fact-locality = Населённый пункт
fact-region = Регион
fact-kind = Тип
fact-status = Состояние
fact-established = Дата создания
fact-removed = Дата утраты
fact-honours = Посвящение
fact-conflicts = Войны
fact-burials = Захоронения
burials-total = всего похоронено: { $n }
burials-known = известны по именам: { $n }
burials-unknown = имена неизвестны: { $n }
burials-military = военнослужащие: { $n }
fact-caretaker = Ответственный за содержание
fact-visiting = Посещение
fact-coordinates = Координаты
coordinates-approximate = приблизительно, центр населённого пункта { $place }:
view-on-osm = посмотреть на OpenStreetMap
open-in-osm = открыть в OpenStreetMap
fact-osm = OpenStreetMap
fact-wikidata = Wikidata
fact-commemorated = Памятные даты
location-of = Местоположение: { $title }
history = История
nearby-sites = Объекты поблизости
distance-same-town = в том же населённом пункте
distance-about-km = около { $km } км
distance-km = { $km } км
sources = Источники
back-to-text = Вернуться к тексту
source-n = источник { $n }
last-checked = Последняя проверка:
sentence-end = .
not-checked = Ещё не сверено с источниками.
suggest-correction = Предложить исправление
north = с. ш.
south = ю. ш.
east = в. д.
west = з. д.
notes = Примечания

## Даты

dates-title = Памятные даты
dates-description = Дни, когда у мемориальных объектов проходят памятные церемонии, по месяцам, с ближайшей датой каждого из них.
dates-intro = Дни, когда у мемориальных объектов возлагают венки и проводят церемонии, по месяцам.
dates-add-all = Добавить все даты в календарь
dates-today = Что отмечается сегодня
dates-none = Памятные даты пока не внесены.
month-none = Памятных дат нет.
calendar-link-title = Памятные даты (iCalendar)
next-label = следующая:
days-until = { $count ->
    [0] сегодня
    [1] завтра
    [one] через { $n } день
    [few] через { $n } дня
    [many] через { $n } дней
   *[other] через { $n } дня
}
date-description = { $title }, { $day }: объекты, где отмечается эта дата.
date-title = { $title } ({ $day })
fact-date = Дата
every-year = ежегодно, { $day }
observed-since = , отмечается с { $year } года
fact-next = Следующая
add-to-calendar = добавить даты в календарь
fact-observed-in = Где отмечается
where-ceremonies = Где проходят церемонии
no-ceremonies = В атласе пока нет объектов, где в эту дату проводятся церемонии.
all-sites-marking = { $count ->
    [one] { $n } объект, где отмечается { $title }
    [few] Все { $n } объекта, где отмечается { $title }
    [many] Все { $n } объектов, где отмечается { $title }
   *[other] Все { $n } объекта, где отмечается { $title }
}
anniversaries-on-date = Этот день в истории объектов
anniversaries-on-day = Годовщины в истории объектов
on-this-day-title = В этот день: { $day }
other-days = Другие дни
no-date-on-day = Ни одна памятная дата атласа не приходится на { $day }.
see-calendar = Смотреть календарь всех дат.
on-this-day-none = Ни одна памятная дата атласа не приходится на { $day }.
on-this-day-some = Памятные даты { $day }: { $titles }.
file-facts = { $size } (в сжатом виде { $gzip }), изменён

## Страны

countries-title = Страны
countries-description = Страны, где находятся мемориальные объекты атласа, и число объектов в каждой.
countries-none = Страны пока не внесены.
other-names-country = Другие названия
country-map = { $country }: объекты с известными координатами.
country-map-none = { $country }: объекты пока не внесены.
all-on-map = Все объекты на карте
country-sites-heading = Объекты ({ $n })
country-no-sites = { $country }: объекты пока не внесены.
all-sites-in = { $count ->
    [one] { $country }: { $n } объект
    [few] { $country }: все { $n } объекта
    [many] { $country }: все { $n } объектов
   *[other] { $country }: все { $n } объекта
}
dates-observed-in = Памятные даты: { $country }
add-country-dates = Добавить эти даты в календарь
country-description = { $country } — мемориальные объекты в атласе: { $sites }.
calendar-of-country = Памятные даты: { $country } (iCalendar)

## Карта

map-title = Карта мемориальных объектов
map-description = Мемориальные объекты с координатами из источников на карте.
map-located = Объектов с координатами из источников: { $located } из { $total }; они показаны на карте. Нажмите на маркер, чтобы открыть страницу объекта.
map-others = Остальных объектов на карте нет: атлас указывает местоположение объекта, только если его приводит источник. Полный перечень:
map-osm = Для подробной карты улиц на странице каждого объекта есть ссылка на
map-shown = На карте показаны { $shown } из них, в алфавитном порядке; остальные можно отобрать фильтрами, см.
map-outlines = Контуры стран: Natural Earth (общественное достояние).
map-sites-heading = Объекты на карте
map-caption-sites = { $count ->
    [one] { $countries }: { $n } объект
    [few] { $countries }: { $n } объекта
    [many] { $countries }: { $n } объектов
   *[other] { $countries }: { $n } объекта
}
map-legend-exact = точное местоположение объекта
map-legend-approximate = приблизительно: центр населённого пункта
map-legend-group = несколько объектов в одном населённом пункте, список на этой странице
map-marker-approximate = { $name } (местоположение приблизительное: центр населённого пункта)
map-marker-group = { $count ->
    [one] { $place }: { $n } объект — см. список
    [few] { $place }: { $n } объекта — см. список
    [many] { $place }: { $n } объектов — см. список
   *[other] { $place }: { $n } объекта — см. список
}
map-where = Карта: где находится { $title }
map-of-country = Карта мемориальных объектов: { $country }
map-of = Карта: { $caption }
map-world-empty = Карта мира: ни у одного объекта пока нет координат
list-and = { $rest } и { $last }
country-title = Мемориальные объекты: { $country }

## Главная

home-description = Реестр военных мемориалов, кладбищ и захоронений со ссылками на источники и с памятными датами.
home-lead = Реестр мест памяти о войнах — памятников, кладбищ, могил и музеев, — в котором каждый факт подкреплён источником. Он начинается с мемориалов освобождения Кореи в 1945 году и мемориалов, которые сейчас возводят Россия и КНДР.
home-counts = { $count ->
    [one] { $n } объект · { $countries } · { $dates } · { $sources }
    [few] { $n } объекта · { $countries } · { $dates } · { $sources }
    [many] { $n } объектов · { $countries } · { $dates } · { $sources }
   *[other] { $n } объекта · { $countries } · { $dates } · { $sources }
}
countries-count = { $count ->
    [one] { $n } страна
    [few] { $n } страны
    [many] { $n } стран
   *[other] { $n } страны
}
dates-count = { $count ->
    [one] { $n } памятная дата
    [few] { $n } памятные даты
    [many] { $n } памятных дат
   *[other] { $n } памятной даты
}
sources-count = { $count ->
    [one] { $n } источник
    [few] { $n } источника
    [many] { $n } источников
   *[other] { $n } источника
}
coming-up = Ближайшие даты
all-dates = Все памятные даты
recently-checked = Недавно проверенные
checked = проверено

## Открытые данные

data-title = Открытые данные
data-description = Все опубликованные объекты атласа в форматах JSON, GeoJSON, CSV и JSON Lines; их можно свободно использовать на условиях CC BY 4.0.
data-intro = Все опубликованные объекты атласа доступны и как данные, которые можно свободно использовать на условиях
data-licence = лицензии Creative Commons «Атрибуция» 4.0 Всемирная
data-credit = При использовании указывайте: «Memorial Atlas» («Мемориальный атлас»); опираясь на конкретный факт, ссылайтесь также на источники, приведённые для объекта. На изображения распространяются их собственные лицензии.
data-downloads = Файлы для скачивания
data-json = Все объекты в формате JSON
data-json-note = { $count ->
    [one] все поля всех объектов ({ $n } объект).
    [few] все поля всех объектов ({ $n } объекта).
    [many] все поля всех объектов ({ $n } объектов).
   *[other] все поля всех объектов ({ $n } объекта).
}
data-geojson = Объекты с координатами в формате GeoJSON
data-geojson-note = { $count ->
    [one] для карт и ГИС ({ $n } объект).
    [few] для карт и ГИС ({ $n } объекта).
    [many] для карт и ГИС ({ $n } объектов).
   *[other] для карт и ГИС ({ $n } объекта).
}
data-csv = Все объекты в формате CSV
data-csv-note = для электронных таблиц; элементы списков разделены знаками «; ».
data-jsonl = Все объекты в формате JSON Lines
data-jsonl-note = по одному объекту в строке, у каждого — постоянный идентификатор, адрес и дата обновления; для потоковой обработки.
data-languages = Каждый файл содержит все языки атласа: английский текст, а также название и краткое описание из каждого перевода (русского, корейского, китайского).
data-subscriptions = Подписки
data-feed-note = объекты, недавно добавленные или проверенные.
data-calendar-note = для любого приложения-календаря (iCalendar); на странице каждой страны есть даты, отмечаемые в ней.
data-sitemap = Карта сайта
data-sitemap-note = все страницы на всех языках с датой последнего изменения.
data-caching = Файлы меняются вместе с содержанием. Каждый отдаётся с заголовками ETag и Last-Modified, поэтому повторная загрузка ничего не стоит, если ничего не изменилось, а прерванную загрузку можно продолжить с места остановки (диапазоны байтов). Браузеры и программы, принимающие gzip или brotli, получают сжатый файл. Черновики не публикуются никогда.

## Поиск

search-title = Поиск: { $query }
search-description = Поиск по мемориальным объектам, странам и памятным датам атласа на любом языке.
search-any-language = Ищите место, имя или дату на любом языке
search-tips = Советы
search-tip-place = Ищите по месту, по названию на любом языке и в любой письменности или по тому, кому посвящён объект, например:
search-tip-words = В результате должно встречаться каждое слово; достаточно начала слова: «Пхень» находит «Пхеньян». Однобуквенные слова не учитываются, если в запросе есть более длинные.
search-tip-browse = Или просмотрите:
search-none = По запросу «{ $query }» ничего не найдено.
search-capped = { $count ->
    [one] Показаны лучшие из первых { $n } результата по запросу «{ $query }». Добавьте слово или название места, чтобы сузить поиск.
   *[other] Показаны лучшие из первых { $n } результатов по запросу «{ $query }». Добавьте слово или название места, чтобы сузить поиск.
}
search-partial = { $count ->
    [one] По части слов запроса «{ $query }» найден { $n } результат.
    [few] По части слов запроса «{ $query }» найдено { $n } результата.
    [many] По части слов запроса «{ $query }» найдено { $n } результатов.
   *[other] По части слов запроса «{ $query }» найдено { $n } результата.
}
search-results = { $count ->
    [one] По запросу «{ $query }» найден { $n } результат.
    [few] По запросу «{ $query }» найдено { $n } результата.
    [many] По запросу «{ $query }» найдено { $n } результатов.
   *[other] По запросу «{ $query }» найдено { $n } результата.
}
search-no-results-help = Проверьте написание, сократите число слов или откройте
result-site = Объект
result-country = Страна
result-date = Памятная дата
result-page = Страница
size-bytes = { $n } Б
size-kb = { $n } кБ
size-mb = { $n } МБ

## Лента и календари

feed-author = Редакция «Мемориального атласа»
calendar-name = Мемориальный атлас: памятные даты
calendar-name-country = Мемориальный атлас: памятные даты — { $country }
calendar-every-year = Ежегодно, { $day }.
