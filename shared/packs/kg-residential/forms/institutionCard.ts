import type { FormDef } from '../../../forms/formTypes';
import { L } from '../../common/localised';
import { kgClassifierIds as c } from '../classifierIds';
import { kgResidentialRoles as r } from '../roles';

/** The institution registration card (§14): registered and edited by the system operator. */
export const institutionCard: FormDef = {
  id: 'kg-residential.institution',
  version: 1,
  title: L(
    'Интернат тибиндеги балдар мекемесинин каттоо карточкасы',
    'Регистрационная карточка детского учреждения интернатного типа',
    'İnternat tipli uşaq müəssisəsinin qeydiyyat kartı',
    'Интернат үлгісіндегі балалар мекемесінің тіркеу карточкасы',
    'Residential children’s institution registration card',
  ),
  titleField: 'fullName',
  access: { edit: [r.systemOperator], view: [r.systemOperator, r.dataHolder, r.centralReader, r.departmentReader, r.territorialReader, r.localAdministration] },
  sections: [
    {
      id: 'institution',
      title: L('Мекеме', 'Учреждение', 'Müəssisə', 'Мекеме', 'Institution'),
      fields: [
        {
          id: 'fullName',
          kind: 'text',
          maxLength: 300,
          required: true,
          label: L(
            'Уюштуруу документтерине ылайык толук аталышы',
            'Полное наименование согласно учредительным документам',
            'Təsis sənədlərinə uyğun tam adı',
            'Құрылтай құжаттарына сәйкес толық атауы',
            'Full name per founding documents',
          ),
          print: { span: 2 },
        },
        { id: 'institutionType', kind: 'choice', classifier: c.institutionType, required: true, label: L('Мекеменин түрү', 'Тип учреждения', 'Müəssisənin növü', 'Мекеменің түрі', 'Type of institution') },
        { id: 'ownershipForm', kind: 'choice', classifier: c.ownership, required: true, label: L('Менчигинин түрү', 'Форма собственности', 'Mülkiyyət forması', 'Меншік нысаны', 'Form of ownership') },
        { id: 'department', kind: 'choice', classifier: c.department, required: true, label: L('Ведомстволук тиешелүүлүгү', 'Ведомственная принадлежность', 'İdarə mənsubiyyəti', 'Ведомстволық тиесілілігі', 'Departmental affiliation') },
        { id: 'plannedCapacity', kind: 'number', min: 1, max: 5000, integer: true, required: true, label: L('Пландуу кубаттуулугу', 'Плановая мощность (мест)', 'Planlaşdırılmış tutum (yer)', 'Жоспарлы қуаты (орын)', 'Planned capacity (places)') },
      ],
    },
    {
      id: 'address',
      title: L('Дареги', 'Адрес', 'Ünvan', 'Мекенжайы', 'Address'),
      fields: [
        { id: 'territory', kind: 'territory', classifier: c.territory, required: true, label: L('Район / шаар', 'Район / город', 'Rayon / şəhər', 'Аудан / қала', 'District / city') },
        { id: 'street', kind: 'text', maxLength: 300, required: true, label: L('Көчө, үй', 'Улица, дом', 'Küçə, ev', 'Көше, үй', 'Street and building'), print: { span: 2 } },
      ],
    },
    {
      id: 'accreditation',
      title: L('Аккредитация', 'Аккредитация', 'Akkreditasiya', 'Аккредиттеу', 'Accreditation'),
      fields: [
        { id: 'accreditationCertificate', kind: 'text', maxLength: 60, label: L('Сертификатынын номери', 'Номер сертификата', 'Sertifikatın nömrəsi', 'Сертификатының нөмірі', 'Certificate number') },
        {
          id: 'accreditationValidUntil',
          kind: 'date',
          requiredWhen: { field: 'accreditationCertificate', filled: true },
          label: L('Жарактуулук мөөнөтү', 'Срок действия', 'Etibarlılıq müddəti', 'Жарамдылық мерзімі', 'Valid until'),
        },
      ],
    },
    {
      id: 'head',
      title: L('Жетекчи', 'Руководитель', 'Rəhbər', 'Басшы', 'Head'),
      fields: [
        { id: 'headName', kind: 'personName', patronymic: 'optional', required: true, label: L('Фамилиясы, аты, атасынын аты', 'Фамилия, имя, отчество', 'Soyadı, adı, ata adı', 'Тегі, аты, әкесінің аты', 'Surname, name, patronymic') },
        { id: 'headPhone', kind: 'phone', required: true, label: L('Телефону', 'Телефон', 'Telefon', 'Телефоны', 'Phone') },
        { id: 'headEmail', kind: 'email', label: L('Электрондук почтасы', 'Электронная почта', 'E-poçt', 'Электрондық поштасы', 'E-mail') },
      ],
    },
  ],
};
