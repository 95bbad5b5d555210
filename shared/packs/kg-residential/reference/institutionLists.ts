import type { Classifier } from '../../../forms/classifier';
import { L } from '../../common/localised';

/** Kinds of residential children's institutions (§4.1 of the regulation). */
export const institutionTypes: Classifier = {
  id: 'kg-residential.institutionType',
  version: '2026.1',
  source: 'Pack 1 §4 (1): residential-type children’s institutions',
  names: L('Мекеменин түрү', 'Тип учреждения', 'Müəssisənin növü', 'Мекеменің түрі', 'Type of institution'),
  entries: [
    { code: 'infantHome', names: L('Ымыркайлар үйү', 'Дом ребёнка', 'Körpələr evi', 'Сәби үйі', 'Infant home') },
    { code: 'childrensHome', names: L('Балдар үйү', 'Детский дом', 'Uşaq evi', 'Балалар үйі', 'Children’s home') },
    {
      code: 'orphanBoardingSchool',
      names: L(
        'Жетим балдар жана ата-энесинин камкордугусуз калган балдар үчүн мектеп-интернат',
        'Школа-интернат для детей-сирот и детей, оставшихся без попечения родителей',
        'Yetim uşaqlar və valideyn himayəsindən məhrum olmuş uşaqlar üçün internat məktəbi',
        'Жетім балалар мен ата-ананың қамқорлығынсыз қалған балаларға арналған мектеп-интернат',
        'Boarding school for orphans and children left without parental care',
      ),
    },
    {
      code: 'specialBoardingSchool',
      names: L(
        'Ден соолугунун мүмкүнчүлүктөрү чектелген балдар үчүн атайын мектеп-интернат',
        'Специальная школа-интернат для детей с ограниченными возможностями здоровья',
        'Sağlamlıq imkanları məhdud uşaqlar üçün xüsusi internat məktəbi',
        'Денсаулық мүмкіндіктері шектеулі балаларға арналған арнайы мектеп-интернат',
        'Special boarding school for children with disabilities',
      ),
    },
    {
      code: 'psychoNeurological',
      names: L(
        'Балдар үчүн психоневрологиялык социалдык мекеме',
        'Детское психоневрологическое социальное учреждение',
        'Uşaqlar üçün psixonevroloji sosial müəssisə',
        'Балаларға арналған психоневрологиялық әлеуметтік мекеме',
        'Psycho-neurological social institution for children',
      ),
    },
    { code: 'generalBoardingSchool', names: L('Жалпы билим берүүчү мектеп-интернат', 'Общеобразовательная школа-интернат', 'Ümumtəhsil internat məktəbi', 'Жалпы білім беретін мектеп-интернат', 'General boarding school') },
    {
      code: 'accreditedOrganisation',
      names: L(
        'Балдарга сутка бою кызмат көрсөтүүчү аккредиттелген уюм',
        'Аккредитованная организация круглосуточного пребывания детей',
        'Uşaqların gecə-gündüz qaldığı akkreditə olunmuş təşkilat',
        'Балалардың тәулік бойы болуына арналған аккредиттелген ұйым',
        'Accredited organisation providing round-the-clock care',
      ),
    },
  ],
};

export const ownershipForms: Classifier = {
  id: 'kg-residential.ownershipForm',
  version: '2026.1',
  source: 'Pack 1 §1, §13 (any form of ownership); Civil Code of the Kyrgyz Republic',
  names: L('Менчигинин түрү', 'Форма собственности', 'Mülkiyyət forması', 'Меншік нысаны', 'Form of ownership'),
  entries: [
    { code: 'state', names: L('Мамлекеттик', 'Государственная', 'Dövlət', 'Мемлекеттік', 'State') },
    { code: 'municipal', names: L('Муниципалдык', 'Муниципальная', 'Bələdiyyə', 'Муниципалдық', 'Municipal') },
    { code: 'private', names: L('Жеке', 'Частная', 'Özəl', 'Жеке', 'Private') },
    { code: 'nonProfit', names: L('Коммерциялык эмес уюмдун', 'Некоммерческой организации', 'Qeyri-kommersiya təşkilatı', 'Коммерциялық емес ұйымның', 'Non-profit organisation') },
    { code: 'religious', names: L('Диний уюмдун', 'Религиозной организации', 'Dini təşkilat', 'Діни ұйымның', 'Religious organisation') },
  ],
};

export const departments: Classifier = {
  id: 'kg-residential.department',
  version: '2026.1',
  source: 'Pack 1 §5–6, §14 (2): departmental affiliation',
  names: L('Ведомстволук тиешелүүлүгү', 'Ведомственная принадлежность', 'İdarə mənsubiyyəti', 'Ведомстволық тиесілілігі', 'Departmental affiliation'),
  entries: [
    { code: 'education', names: L('Билим берүү жана илим министрлиги', 'Министерство образования и науки', 'Təhsil və Elm Nazirliyi', 'Білім және ғылым министрлігі', 'Ministry of Education and Science') },
    { code: 'health', names: L('Саламаттык сактоо министрлиги', 'Министерство здравоохранения', 'Səhiyyə Nazirliyi', 'Денсаулық сақтау министрлігі', 'Ministry of Health') },
    {
      code: 'labourSocial',
      names: L(
        'Эмгек, социалдык камсыздоо жана миграция министрлиги',
        'Министерство труда, социального обеспечения и миграции',
        'Əmək, Sosial Təminat və Miqrasiya Nazirliyi',
        'Еңбек, әлеуметтік қамсыздандыру және көші-қон министрлігі',
        'Ministry of Labour, Social Security and Migration',
      ),
    },
    { code: 'localGovernment', names: L('Жергиликтүү өз алдынча башкаруу органы', 'Орган местного самоуправления', 'Yerli özünüidarə orqanı', 'Жергілікті өзін-өзі басқару органы', 'Local self-government') },
    { code: 'nonState', names: L('Мамлекеттик эмес', 'Негосударственное', 'Qeyri-dövlət', 'Мемлекеттік емес', 'Non-state') },
  ],
};
