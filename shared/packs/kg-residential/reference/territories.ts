import type { Classifier, ClassifierEntry } from '../../../forms/classifier';
import { L } from '../../common/localised';

const region = (code: string, ky: string, ru: string, az: string, kk: string, en: string): ClassifierEntry => ({
  code,
  kind: 'region',
  names: L(`${ky} облусу`, `${ru} область`, `${az} vilayəti`, `${kk} облысы`, `${en} Region`),
});

const city = (code: string, ky: string, ru: string, az: string, kind: 'city' | 'regionalCity', parent?: string, en: string = az): ClassifierEntry => ({
  code,
  kind,
  ...(parent ? { parent } : {}),
  names: L(`${ky} шаары`, `город ${ru}`, `${az} şəhəri`, `${ky} қаласы`, `${en} City`),
});

/** A district: its Kyrgyz name, the Russian adjective form, the Azerbaijani and English spellings. */
const district = (parent: string, suffix: string, ky: string, ruAdjective: string, az: string, en: string = az): ClassifierEntry => ({
  code: `${parent}-${suffix}`,
  kind: 'district',
  parent,
  names: L(`${ky} району`, `${ruAdjective} район`, `${az} rayonu`, `${ky} ауданы`, `${en} District`),
});

/**
 * Administrative-territorial units of the Kyrgyz Republic: 7 regions, 2 cities of republican
 * significance, the 40 districts and the main cities of regional significance. Regions and the
 * two cities carry their ISO 3166-2:KG codes; districts and regional cities carry internal codes
 * (`<region>-<name>`) until they are mapped to the national classifier СОАТЕ.
 */
export const kgTerritories: Classifier = {
  id: 'kg.territory',
  version: '2026.1',
  source: 'ISO 3166-2:KG (regions, cities of republican significance); districts and regional cities: internal codes pending SOATE mapping',
  names: L('Административдик-аймактык бирдиктер', 'Административно-территориальные единицы', 'İnzibati-ərazi vahidləri', 'Әкімшілік-аумақтық бірліктер', 'Administrative-territorial units'),
  entries: [
    city('KG-GB', 'Бишкек', 'Бишкек', 'Bişkek', 'city', undefined, 'Bishkek'),
    city('KG-GO', 'Ош', 'Ош', 'Oş', 'city', undefined, 'Osh'),
    region('KG-B', 'Баткен', 'Баткенская', 'Batken', 'Баткен', 'Batken'),
    district('KG-B', 'BAT', 'Баткен', 'Баткенский', 'Batken'),
    district('KG-B', 'KAD', 'Кадамжай', 'Кадамжайский', 'Kadamjay'),
    district('KG-B', 'LEY', 'Лейлек', 'Лейлекский', 'Leylek'),
    city('KG-B-CBAT', 'Баткен', 'Баткен', 'Batken', 'regionalCity', 'KG-B'),
    city('KG-B-CKYZ', 'Кызыл-Кыя', 'Кызыл-Кия', 'Kızıl-Kıya', 'regionalCity', 'KG-B', 'Kyzyl-Kiya'),
    city('KG-B-CSUL', 'Сүлүктү', 'Сулюкта', 'Sülüktü', 'regionalCity', 'KG-B', 'Sulukta'),
    region('KG-J', 'Жалал-Абад', 'Джалал-Абадская', 'Cəlalabad', 'Жалалабад', 'Jalal-Abad'),
    district('KG-J', 'AKS', 'Аксы', 'Аксыйский', 'Aksı', 'Aksy'),
    district('KG-J', 'ALB', 'Ала-Бука', 'Ала-Букинский', 'Ala-Buka'),
    district('KG-J', 'BAZ', 'Базар-Коргон', 'Базар-Коргонский', 'Bazar-Korgon'),
    district('KG-J', 'CHA', 'Чаткал', 'Чаткальский', 'Çatkal', 'Chatkal'),
    district('KG-J', 'NOO', 'Ноокен', 'Ноокенский', 'Nooken'),
    district('KG-J', 'SUZ', 'Сузак', 'Сузакский', 'Suzak'),
    district('KG-J', 'TOG', 'Тогуз-Торо', 'Тогуз-Тороуский', 'Toguz-Toro'),
    district('KG-J', 'TOK', 'Токтогул', 'Токтогульский', 'Toktogul'),
    city('KG-J-CJAL', 'Жалал-Абад', 'Джалал-Абад', 'Cəlalabad', 'regionalCity', 'KG-J', 'Jalal-Abad'),
    city('KG-J-CKAR', 'Кара-Көл', 'Кара-Куль', 'Kara-Köl', 'regionalCity', 'KG-J', 'Kara-Kul'),
    city('KG-J-CMAI', 'Майлуу-Суу', 'Майлуу-Суу', 'Maylu-Suu', 'regionalCity', 'KG-J', 'Mailuu-Suu'),
    city('KG-J-CTAS', 'Таш-Көмүр', 'Таш-Кумыр', 'Taş-Kömür', 'regionalCity', 'KG-J', 'Tash-Kumyr'),
    region('KG-Y', 'Ысык-Көл', 'Иссык-Кульская', 'İssık-Kul', 'Ыстықкөл', 'Issyk-Kul'),
    district('KG-Y', 'AKS', 'Ак-Суу', 'Ак-Суйский', 'Ak-Suu'),
    district('KG-Y', 'JET', 'Жети-Өгүз', 'Джети-Огузский', 'Ceti-Ögüz', 'Jeti-Oguz'),
    district('KG-Y', 'YSY', 'Ысык-Көл', 'Иссык-Кульский', 'İssık-Kul', 'Issyk-Kul'),
    district('KG-Y', 'TON', 'Тоң', 'Тонский', 'Ton'),
    district('KG-Y', 'TUP', 'Түп', 'Тюпский', 'Tüp', 'Tup'),
    city('KG-Y-CKAR', 'Каракол', 'Каракол', 'Karakol', 'regionalCity', 'KG-Y'),
    city('KG-Y-CBAL', 'Балыкчы', 'Балыкчы', 'Balıkçı', 'regionalCity', 'KG-Y', 'Balykchy'),
    region('KG-N', 'Нарын', 'Нарынская', 'Narın', 'Нарын', 'Naryn'),
    district('KG-N', 'AKT', 'Ак-Талаа', 'Ак-Талинский', 'Ak-Talaa'),
    district('KG-N', 'ATB', 'Ат-Башы', 'Ат-Башинский', 'At-Başı', 'At-Bashy'),
    district('KG-N', 'JUM', 'Жумгал', 'Жумгальский', 'Cumgal', 'Jumgal'),
    district('KG-N', 'KOC', 'Кочкор', 'Кочкорский', 'Koçkor', 'Kochkor'),
    district('KG-N', 'NAR', 'Нарын', 'Нарынский', 'Narın', 'Naryn'),
    city('KG-N-CNAR', 'Нарын', 'Нарын', 'Narın', 'regionalCity', 'KG-N', 'Naryn'),
    region('KG-O', 'Ош', 'Ошская', 'Oş', 'Ош', 'Osh'),
    district('KG-O', 'ALA', 'Алай', 'Алайский', 'Alay'),
    district('KG-O', 'ARA', 'Араван', 'Араванский', 'Aravan'),
    district('KG-O', 'CHO', 'Чоң-Алай', 'Чон-Алайский', 'Çoŋ-Alay', 'Chong-Alay'),
    district('KG-O', 'KKU', 'Кара-Кулжа', 'Кара-Кульджинский', 'Kara-Kulca', 'Kara-Kulja'),
    district('KG-O', 'KSU', 'Кара-Суу', 'Карасуйский', 'Kara-Suu'),
    district('KG-O', 'NOO', 'Ноокат', 'Ноокатский', 'Nookat'),
    district('KG-O', 'OZG', 'Өзгөн', 'Узгенский', 'Özgön', 'Uzgen'),
    city('KG-O-COZG', 'Өзгөн', 'Узген', 'Özgön', 'regionalCity', 'KG-O', 'Uzgen'),
    region('KG-T', 'Талас', 'Таласская', 'Talas', 'Талас', 'Talas'),
    district('KG-T', 'BAK', 'Бакай-Ата', 'Бакай-Атинский', 'Bakay-Ata'),
    district('KG-T', 'KAB', 'Кара-Буура', 'Кара-Бууринский', 'Kara-Buura'),
    district('KG-T', 'MAN', 'Манас', 'Манасский', 'Manas'),
    district('KG-T', 'TAL', 'Талас', 'Таласский', 'Talas'),
    city('KG-T-CTAL', 'Талас', 'Талас', 'Talas', 'regionalCity', 'KG-T'),
    region('KG-C', 'Чүй', 'Чуйская', 'Çüy', 'Шу', 'Chüy'),
    district('KG-C', 'ALA', 'Аламүдүн', 'Аламудунский', 'Alamüdün', 'Alamudun'),
    district('KG-C', 'CHU', 'Чүй', 'Чуйский', 'Çüy', 'Chuy'),
    district('KG-C', 'JAY', 'Жайыл', 'Жайылский', 'Cayıl', 'Jayyl'),
    district('KG-C', 'KEM', 'Кемин', 'Кеминский', 'Kemin'),
    district('KG-C', 'MOS', 'Москва', 'Московский', 'Moskva'),
    district('KG-C', 'PAN', 'Панфилов', 'Панфиловский', 'Panfilov'),
    district('KG-C', 'SOK', 'Сокулук', 'Сокулукский', 'Sokuluk'),
    district('KG-C', 'YAT', 'Ысык-Ата', 'Иссык-Атинский', 'İssık-Ata', 'Ysyk-Ata'),
    city('KG-C-CTOK', 'Токмок', 'Токмок', 'Tokmok', 'regionalCity', 'KG-C'),
    city('KG-C-CKAB', 'Кара-Балта', 'Кара-Балта', 'Kara-Balta', 'regionalCity', 'KG-C'),
  ],
};
