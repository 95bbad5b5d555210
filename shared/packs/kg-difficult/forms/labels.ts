import { L } from '../../common/localised';

/** Labels several Pack 2 forms share. */
export const fullName = L('Фамилиясы, аты, атасынын аты', 'Фамилия, имя, отчество', 'Soyadı, adı, ata adı', 'Тегі, аты, әкесінің аты', 'Surname, name, patronymic');
export const pinLabel = L('Жеке идентификациялык номери (ЖИН)', 'Персональный идентификационный номер (ПИН)', 'Şəxsi identifikasiya nömrəsi (PIN)', 'Жеке сәйкестендіру нөмірі (ПИН)', 'Personal identification number (PIN)');
export const pinHint = L('14 сан', '14 цифр', '14 rəqəm', '14 цифр', '14 digits');
export const addressLabel = L('Дареги (көчө, үй, батир)', 'Адрес (улица, дом, квартира)', 'Ünvan (küçə, ev, mənzil)', 'Мекенжайы (көше, үй, пәтер)', 'Address (street, building, flat)');
export const districtLabel = L('Облус, район / шаар', 'Область, район / город', 'Vilayət, rayon / şəhər', 'Облыс, аудан / қала', 'Region, district / city');
export const noteLabel = L('Эскертүү', 'Примечание', 'Qeyd', 'Ескертпе', 'Note');
