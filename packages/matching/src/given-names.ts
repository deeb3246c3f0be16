/**
 * Equivalent spellings of common given names in Ukraine: the Ukrainian form first (it names the group),
 * then Russian forms and the odd Latin form whose phonetic skeleton differs from the Cyrillic ones.
 * Latin transliterations by the usual schemes need not be listed: they reduce to the same skeleton.
 * Common diminutives that point to one name only are listed (Юля, Оля, Вова, Коля); those shared by
 * both sexes or by several names (Саша, Женя, Валя, Галя) are deliberately absent.
 */
export interface GivenNameGroup {
  readonly sex: 'M' | 'F';
  readonly forms: readonly string[];
}

const MALE = `
Олександр Александр Alexander Aleksander Alexandr Сашко
Олексій Алексей Alexey Alexei Aleksey Льоша Алёша
Андрій Андрей
Сергій Сергей Сергійко Серьожа Сережа
Дмитро Дмитрий Дмитрій Дима
Володимир Владимир Wladimir Вова Володя
Микола Николай Nicholas Nikolai Коля
Іван Иван Ioann Ваня Івась
Василь Василий Vasily Wassili
Віктор Виктор Victor
Юрій Юрий Yury Юра
Михайло Михаил Michael Mikhael Миша Михась
Петро Петр Пётр Peter Piotr Петя
Павло Павел Paul Pawel
Олег Oleg
Ігор Игорь
Богдан
Роман
Віталій Виталий
Анатолій Анатолий Толя
Валерій Валерий
Вадим
Максим
Артем Артём Artyom
Денис
Євген Евгений Євгеній Eugene Evgeny
Ярослав
Тарас
Степан Stepan Stefan
Григорій Григорий Hryhir
Федір Фёдор Федор Fedir
Антон
Костянтин Константин Konstantin
Станіслав Станислав
Леонід Леонид
Борис
Валентин
Геннадій Геннадий
Руслан
Назар
Остап
Орест
Матвій Матвей
Кирило Кирилл Kyrylo
Данило Даниил Данил Daniel
Ілля Илья Ilia
Тимофій Тимофей
Арсеній Арсений
Микита Никита
Семен Семён Semyon
Яків Яков Jacob
Лев
Ростислав
Святослав
Мирослав
В'ячеслав Вячеслав
Владислав
Всеволод
Зіновій Зиновий
Гліб Глеб
Єгор Егор
Олесь
Марко Марк
Мар'ян Марьян
Любомир
Пилип Филипп Філіп Philip
Панас Афанасий Опанас
Іларіон Илларион
Йосип Иосиф Осип Joseph
Аркадій Аркадий
Едуард Эдуард
Давид Давыд
Тимур
Георгій Георгий George
Нестор
Захар
Лука
Платон
Ян
Артур
Мирон
Ігнат Игнат Игнатий
Савелій Савелий Савва
Герман
Юхим Ефим Єфим
Гаврило Гавриил Гавриил
Кузьма
Тихон
Трохим Трофим
Родіон Родион
Веніамін Вениамин
Вікентій Викентий
Альберт
Еміль Эмиль
Адам
Ілько
Рустам
`;

const FEMALE = `
Олена Елена Helen Helena Jelena
Ганна Анна Anne
Наталія Наталья Наталия Natalie Наташа Наталка
Ольга Olga Оля
Тетяна Татьяна Таня
Ірина Ирина Irene Іра Ира
Світлана Светлана Світа Света Свєта
Юлія Юлия Julia Юля
Оксана
Людмила Люда
Галина
Марія Мария Мар'я Maria Mary Маша Маруся
Катерина Екатерина Catherine Katharina Катя Катруся
Валентина
Віра Вера
Надія Надежда
Любов Любовь
Лариса
Тамара
Ніна Нина
Лідія Лидия
Зоя
Раїса Раиса
Валерія Валерия
Вікторія Виктория Victoria
Анастасія Анастасия Настя
Дарія Дарья Дар'я Daria Даша
Дарина
Софія София Софья Sophia Sofia
Поліна Полина
Аліна Алина
Олександра Александра Alexandra Aleksandra
Євгенія Евгения Eugenia
Інна Инна
Алла
Антоніна Антонина
Діана Диана
Яна
Карина
Христина Кристина Christina Khrystyna
Вероніка Вероника
Маргарита
Ангеліна Ангелина
Єлизавета Елизавета Elizabeth
Уляна Ульяна
Соломія Соломея
Мирослава
Богдана
Лілія Лилия
Жанна
Зінаїда Зинаида
Олеся
Марина
Єва Ева Eva
Мілана Милана
Злата
Таїсія Таисия
Ксенія Ксения
Ярослава
Анжела Анжелика Анжеліка
Стефанія Стефания
Емма Эмма
Майя Мая
Ельвіра Эльвира
Регіна Регина
Евеліна Эвелина
Ілона Илона
Аліса Алиса
Фаїна Фаина
Іванна
Марта
Варвара
Віолета Виолетта
Руслана
Владислава
Станіслава
Людмила
Олександра
Віталіна Виталина
Василина
Романа
Мар'яна Марьяна Mariana
Любов
Тереза
Оксана
Нонна
Алевтина
Єлизавета
Галина
Зоряна
Роксолана
Еліна Элина
`;

function parse(text: string, sex: 'M' | 'F'): GivenNameGroup[] {
  const seen = new Set<string>();
  const groups: GivenNameGroup[] = [];
  for (const line of text.split('\n')) {
    const forms = line.trim().split(/\s+/).filter(Boolean);
    if (forms.length === 0 || seen.has(forms[0]!)) continue;
    seen.add(forms[0]!);
    groups.push({ sex, forms });
  }
  return groups;
}

/** All groups, male first. The index of a group in this list is stable for a given version. */
export const GIVEN_NAME_GROUPS: readonly GivenNameGroup[] = [...parse(MALE, 'M'), ...parse(FEMALE, 'F')];
