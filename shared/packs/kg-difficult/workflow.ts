import type { WorkflowDef } from '../../workflows/workflowTypes';
import { L } from '../common/localised';
import { childRecord } from './forms/childRecord';
import { kgDifficultRoles as r } from './roles';

const specialists = [r.specialist];

/**
 * The case of a child in a difficult life situation (§3, §13, §19–20): found at risk → initial
 * information → comprehensive assessment → individual protection plan → closed. Deadlines in
 * working days of the Kyrgyz calendar (§19): registered within 1 of being found, initial
 * information within 2 of the report (the registration), the assessment within 7 of being found.
 * A case may be closed without the assessment only with the territorial authority's consent
 * (§20); closing deletes nothing: the child's record stays.
 */
export const kgDifficultWorkflow: WorkflowDef = {
  id: 'kg-difficult.case',
  formId: childRecord.id,
  title: L('Бала менен иштөө', 'Работа по случаю ребёнка', 'Uşağın işi üzrə fəaliyyət', 'Бала ісі бойынша жұмыс', 'Child’s case'),
  states: [
    { id: 'identified', names: L('Бала табылды', 'Ребёнок выявлен', 'Uşaq aşkar edilib', 'Бала анықталды', 'Child identified') },
    { id: 'initialInformation', names: L('Баштапкы маалымат киргизилди', 'Первичная информация внесена', 'İlkin məlumat daxil edilib', 'Бастапқы ақпарат енгізілді', 'Initial information entered') },
    { id: 'assessment', names: L('Ар тараптуу баа берилди', 'Комплексная оценка проведена', 'Hərtərəfli qiymətləndirmə aparılıb', 'Жан-жақты бағалау жүргізілді', 'Comprehensive assessment made') },
    { id: 'plan', names: L('Коргоо планы аткарылууда', 'Выполняется план защиты', 'Müdafiə planı icra olunur', 'Қорғау жоспары орындалуда', 'Protection plan in progress') },
    { id: 'closed', names: L('Иш токтотулду', 'Работа прекращена', 'İşə xitam verilib', 'Жұмыс тоқтатылды', 'Case closed'), final: true },
  ],
  initial: 'identified',
  steps: [
    { id: 'found', names: L('Бала табылды', 'Ребёнок выявлен', 'Uşaq aşkar edilib', 'Бала анықталды', 'Child found'), owners: specialists, done: { field: 'foundOn' } },
    {
      id: 'registered',
      names: L('Базага киргизилди', 'Внесён в базу', 'Bazaya daxil edilib', 'Базаға енгізілді', 'Entered in the database'),
      owners: specialists,
      done: { created: true },
      // §19: within one working day of the child being found.
      due: { after: 'found', workingDays: 1 },
    },
    {
      id: 'initialInformation',
      names: L('Баштапкы маалымат', 'Первичная информация', 'İlkin məlumat', 'Бастапқы ақпарат', 'Initial information'),
      owners: specialists,
      done: { transition: 'enterInitialInformation' },
      // §19: within two working days of the report on the child; the record is entered on that report.
      due: { after: 'registered', workingDays: 2 },
    },
    {
      id: 'assessment',
      names: L('Ар тараптуу баа берүү', 'Комплексная оценка', 'Hərtərəfli qiymətləndirmə', 'Жан-жақты бағалау', 'Comprehensive assessment'),
      owners: specialists,
      done: { transition: 'enterAssessment' },
      // §19: within seven working days of the child being found — not of the previous step.
      due: { after: 'found', workingDays: 7 },
    },
    {
      id: 'plan',
      names: L('Баланы коргоонун жеке планы', 'Индивидуальный план защиты ребёнка', 'Uşağın müdafiəsinin fərdi planı', 'Баланы қорғаудың жеке жоспары', 'Individual protection plan'),
      owners: specialists,
      done: { transition: 'adoptPlan' },
      // The regulation sets no deadline for the plan: it is open once the assessment is made.
      activeIn: ['assessment'],
    },
  ],
  transitions: [
    {
      id: 'enterInitialInformation',
      names: L('Баштапкы маалыматты киргизүү', 'Внести первичную информацию', 'İlkin məlumatı daxil etmək', 'Бастапқы ақпаратты енгізу', 'Enter the initial information'),
      from: ['identified'],
      to: 'initialInformation',
      roles: specialists,
      requires: { fields: ['foundTerritory'], steps: ['found'] },
    },
    {
      id: 'enterAssessment',
      names: L('Ар тараптуу баа берүүнү киргизүү', 'Внести комплексную оценку', 'Hərtərəfli qiymətləndirməni daxil etmək', 'Жан-жақты бағалауды енгізу', 'Enter the comprehensive assessment'),
      from: ['initialInformation'],
      to: 'assessment',
      roles: specialists,
      requires: { steps: ['initialInformation'] },
    },
    {
      id: 'adoptPlan',
      names: L('Коргоо планын түзүү', 'Составить план защиты', 'Müdafiə planını tərtib etmək', 'Қорғау жоспарын жасау', 'Draw up the protection plan'),
      from: ['assessment'],
      to: 'plan',
      roles: specialists,
      requires: { steps: ['assessment'] },
    },
    {
      id: 'close',
      names: L('Ишти токтотуу', 'Прекратить работу по случаю', 'İşə xitam vermək', 'Жұмысты тоқтату', 'Close the case'),
      from: ['plan'],
      to: 'closed',
      roles: specialists,
      requires: { steps: ['plan'] },
    },
    {
      id: 'closeWithoutAssessment',
      names: L(
        'Ар тараптуу баа берүүсүз ишти токтотуу',
        'Прекратить работу без комплексной оценки',
        'Hərtərəfli qiymətləndirmə olmadan işə xitam vermək',
        'Жан-жақты бағалаусыз жұмысты тоқтату',
        'Close the case without an assessment',
      ),
      from: ['identified', 'initialInformation'],
      to: 'closed',
      roles: specialists,
      // §20: with the consent of the child protection authority's territorial department — another agency than the specialist's.
      approval: { roles: [r.territorial], otherAgency: true },
    },
  ],
};
