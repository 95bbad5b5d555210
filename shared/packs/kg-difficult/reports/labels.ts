import { L } from '../../common/localised';

/** The statuses of a plan activity that are not a result of it (§22: results of the plans' activities). */
export const activityStatusLabels = {
  noResult: L('Аткарылды, жыйынтыгы көрсөтүлгөн эмес', 'Выполнено, результат не указан', 'İcra olunub, nəticə göstərilməyib', 'Орындалды, нәтижесі көрсетілмеген', 'Carried out, result not stated'),
  overdue: L('Аткарылган жок, мөөнөтү өттү', 'Не выполнено, срок истёк', 'İcra olunmayıb, müddəti keçib', 'Орындалмады, мерзімі өтті', 'Not carried out, planned date passed'),
  notDue: L('Аткарылган жок, мөөнөтү келе элек', 'Не выполнено, срок не наступил', 'İcra olunmayıb, müddəti çatmayıb', 'Орындалмады, мерзімі келмеді', 'Not carried out, not yet due'),
};

/** Where a case step's deadline stood at the period's end (§19 deadlines, §22 monitoring). */
export const stepOutcomeLabels = {
  onTime: L('Өз убагында аткарылды', 'Выполнено в срок', 'Vaxtında icra olunub', 'Мерзімінде орындалды', 'Done on time'),
  late: L('Кечигип аткарылды', 'Выполнено с опозданием', 'Gecikmə ilə icra olunub', 'Кешігіп орындалды', 'Done late'),
  overdue: L('Мөөнөтү өтүп кетти', 'Просрочено', 'Vaxtı keçib', 'Мерзімі өтіп кетті', 'Overdue'),
  open: L('Мөөнөтү бүтө элек', 'Срок не истёк', 'Müddəti bitməyib', 'Мерзімі бітпеген', 'Open, not yet due'),
  notDue: L('Мөөнөт коюлган эмес (иш токтотулган)', 'Срок не назначен (работа прекращена)', 'Müddət təyin edilməyib (işə xitam verilib)', 'Мерзім белгіленбеген (жұмыс тоқтатылған)', 'Not scheduled (case closed first)'),
};
