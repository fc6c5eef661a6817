// Vocabulary of the generated shop: product names (Russian, Chinese, hostile text a real catalogue can carry),
// buyers, places, Ozon cancellation reasons.

export const PRODUCT_NAMES: readonly string[] = [
  'Чехол для iPhone 15, силикон, прозрачный',
  'Защитное стекло для Samsung Galaxy A54, 2 шт.',
  'Кабель USB Type-C — Lightning, 1 м, быстрая зарядка',
  'Беспроводные наушники TWS с шумоподавлением',
  'Термокружка 450 мл, нержавеющая сталь',
  'Набор кистей для макияжа, 12 шт.',
  'Коврик для йоги 183×61 см, 6 мм',
  'Детский конструктор «Город», 520 деталей',
  'Шампунь для волос «Крапива», 400 мл',
  'Фильтр для воды, сменный картридж',
  'Зарядное устройство 65 Вт GaN, 3 порта',
  'Органайзер для кухни, бамбук',
  'Носки мужские, хлопок, 10 пар',
  'Светодиодная лента 5 м RGB с пультом',
  'Плед флисовый 150×200, серый',
  '无线蓝牙耳机',
  '手机壳 iPhone 15 Pro 磨砂',
  '不锈钢保温杯 500ml',
  'LED台灯 护眼 可调光',
  '儿童积木玩具 300块',
  'Смарт-часы 运动手表 Pro, чёрные',
  'Набор свечей «Уют» 🕯️✨, 3 шт.',
  'Подарочный набор чая 🍵 «Восток»',
  '=HYPERLINK("http://evil.example","Нажми")',
  '+7 игрушка-антистресс',
  '-50% Power bank 20000 mAh',
  '@home Коврик придверный',
  '<img src=x onerror=alert(1)> Лампа настольная',
  'Футболка "Oversize" \'Basic\' & Co; размер M/L',
  'Товар\tс табуляцией и\nпереносом строки',
];

export const LONG_NAME =
  'Набор инструментов универсальный профессиональный ' +
  'для дома, гаража и автомобиля (ключи рожковые, накидные, трещотка, головки 4–32 мм, биты, удлинители, ' +
  'кардан, отвёртки, пассатижи, длинногубцы, бокорезы, молоток, рулетка, уровень, нож строительный) — '.repeat(
    4,
  ) +
  'в пластиковом кейсе с замками, 216 предметов, хром-ванадиевая сталь CrV, гарантия производителя 2 года';

export const OFFER_IDS_FIXED: readonly string[] = [
  '000123',
  '0451-B',
  '007',
  '00000042',
  'ЧХЛ-15-ПРЗ',
  'A-0001',
];

export const COLORS: readonly string[] = [
  'чёрный',
  'белый',
  'серый',
  'синий',
  'красный',
  'зелёный',
  'прозрачный',
];

export const FIRST_NAMES: readonly string[] = [
  'Анна',
  'Иван',
  'Мария',
  'Алексей',
  'Екатерина',
  'Дмитрий',
  'Ольга',
  'Сергей',
  'Наталья',
  'Айгерим',
  'Нурлан',
  'Ли Вэй',
];
export const LAST_NAMES: readonly string[] = [
  'Иванова',
  'Петров',
  'Смирнова',
  'Кузнецов',
  'Попова',
  'Соколов',
  'Лебедева',
  'Козлов',
  'Новикова',
  'Морозов',
  'Ахметова',
  'Ким',
];
export const HOSTILE_BUYER_NAMES: readonly string[] = [
  '=1+1',
  '+79991234567 Иван',
  '-Ольга-',
  '@admin',
  '<script>alert("x")</script>',
  'Мария 🌸 Соколова',
];

export interface Place {
  city: string;
  region: string;
  country: string;
  zip: string;
  lat: number;
  lon: number;
  cluster: string;
  kz?: boolean;
}

export const PLACES: readonly Place[] = [
  {
    city: 'Москва',
    region: 'Москва',
    country: 'Россия',
    zip: '101000',
    lat: 55.7558,
    lon: 37.6176,
    cluster: 'Москва, МО и Дальние регионы',
  },
  {
    city: 'Санкт-Петербург',
    region: 'Санкт-Петербург',
    country: 'Россия',
    zip: '190000',
    lat: 59.9386,
    lon: 30.3141,
    cluster: 'Санкт-Петербург и СЗО',
  },
  {
    city: 'Казань',
    region: 'Республика Татарстан',
    country: 'Россия',
    zip: '420000',
    lat: 55.7963,
    lon: 49.1088,
    cluster: 'Казань',
  },
  {
    city: 'Екатеринбург',
    region: 'Свердловская область',
    country: 'Россия',
    zip: '620000',
    lat: 56.8389,
    lon: 60.6057,
    cluster: 'Урал',
  },
  {
    city: 'Новосибирск',
    region: 'Новосибирская область',
    country: 'Россия',
    zip: '630000',
    lat: 55.0084,
    lon: 82.9357,
    cluster: 'Сибирь',
  },
  {
    city: 'Краснодар',
    region: 'Краснодарский край',
    country: 'Россия',
    zip: '350000',
    lat: 45.0355,
    lon: 38.9753,
    cluster: 'Юг',
  },
  {
    city: 'Владивосток',
    region: 'Приморский край',
    country: 'Россия',
    zip: '690000',
    lat: 43.1155,
    lon: 131.8855,
    cluster: 'Дальний Восток',
  },
  {
    city: 'Химки',
    region: 'Московская область',
    country: 'Россия',
    zip: '141400',
    lat: 55.8887,
    lon: 37.43,
    cluster: 'Москва, МО и Дальние регионы',
  },
  {
    city: 'Алматы',
    region: 'Алматы',
    country: 'Казахстан',
    zip: '050000',
    lat: 43.2389,
    lon: 76.8897,
    cluster: 'Казахстан',
    kz: true,
  },
  {
    city: 'Астана',
    region: 'Астана',
    country: 'Казахстан',
    zip: '010000',
    lat: 51.1605,
    lon: 71.4704,
    cluster: 'Казахстан',
    kz: true,
  },
];

export const STREETS: readonly string[] = [
  'ул. Ленина',
  'пр. Мира',
  'ул. Садовая',
  'ул. Абая',
  'Тверская ул.',
  'ул. Гагарина',
];

export const FBO_WAREHOUSES: readonly { id: number; name: string }[] = [
  { id: 15431806189000, name: 'ХОРУГВИНО_РФЦ' },
  { id: 18044249781000, name: 'ПУШКИНО_1_РФЦ' },
  { id: 15020728683000, name: 'КАЗАНЬ_РФЦ_НОВЫЙ' },
  { id: 22429730016000, name: 'ЕКАТЕРИНБУРГ_РФЦ_НОВЫЙ' },
];

/** Ozon's partner warehouses (FBP), where cross-border sellers keep stock Ozon ships from. */
export const FBP_WAREHOUSES: readonly { id: number; name: string; city: string; provider: number }[] = [
  { id: 23860000001000, name: 'FBP 义乌 Partner Yiwu', city: 'Yiwu', provider: 171 },
  { id: 23860000002000, name: 'FBP 深圳 Partner Shenzhen', city: 'Shenzhen', provider: 172 },
];

export const PAYMENT_TYPES: readonly string[] = [
  'Оплата картой онлайн',
  'Карта Ozon',
  'Ozon Рассрочка',
  'СБП',
  'Оплата при получении',
];

export interface CancelReason {
  id: number;
  title: string;
  typeId: 'seller' | 'buyer';
  available: boolean;
}

/** What `/v2/posting/fbs/cancel-reason/list` answers (titles as Ozon sends them, in Russian). */
export const CANCEL_REASONS: readonly CancelReason[] = [
  { id: 352, title: 'Товар закончился на складе продавца', typeId: 'seller', available: true },
  { id: 400, title: 'Остался только бракованный товар', typeId: 'seller', available: true },
  { id: 401, title: 'Продавец отклонил арбитраж', typeId: 'seller', available: false },
  { id: 402, title: 'Другое (вина продавца)', typeId: 'seller', available: true },
  { id: 665, title: 'Покупатель не забрал заказ', typeId: 'buyer', available: false },
  {
    id: 666,
    title: 'Возврат из службы доставки: нет доставки в указанный регион',
    typeId: 'seller',
    available: false,
  },
  { id: 667, title: 'Заказ утерян службой доставки', typeId: 'seller', available: false },
  { id: 680, title: 'Продавец не отгрузил заказ вовремя', typeId: 'seller', available: false },
  { id: 501, title: 'Покупатель передумал', typeId: 'buyer', available: false },
  { id: 502, title: 'Покупатель нашёл дешевле', typeId: 'buyer', available: false },
  { id: 503, title: 'Покупатель изменил адрес доставки', typeId: 'buyer', available: false },
];

export const RETURN_REASONS: readonly string[] = [
  'Не подошёл размер',
  'Товар бракованный',
  'Не соответствует описанию',
  'Передумал',
  'Пришёл не тот товар',
];
