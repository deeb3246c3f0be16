import type { PortalPageContent, PortalPageKey } from '@oselia/contracts';

/**
 * What each page says until a communications officer publishes their own text (and the first
 * draft they start from). Written for this project; no real people or organisations.
 */
export const DEFAULT_PAGES: Record<PortalPageKey, PortalPageContent> = {
  home: {
    title: { uk: 'Оселя', en: 'Oselia' },
    description: {
      uk: 'Місія, що допомагає внутрішньо переміщеним людям в Україні та громадам, які їх приймають: реєстрація, гранти, навчання, історії та відкриті дані.',
      en: 'A mission helping internally displaced people in Ukraine and the communities that host them: registration, grants, training, stories and open data.',
    },
    body: {
      uk: 'Війна змусила мільйони людей залишити свої домівки. Ми допомагаємо їм почати знову — там, де вони зараз, — і підтримуємо громади, які їх прийняли.\n\nУсі цифри на цьому сайті рахуються щодня з тих самих записів, з якими працюють наші команди, і ніколи не показують окремих людей.',
      en: 'The war has forced millions of people to leave their homes. We help them start again where they are now, and we support the communities that took them in.\n\nEvery figure on this site is counted daily from the same records our teams work with, and never shows an individual.',
    },
  },
  about: {
    title: { uk: 'Хто ми', en: 'Who we are' },
    description: {
      uk: 'Гуманітарна місія та її партнери: хто ми, як працюємо і як бережемо дані людей, яким допомагаємо.',
      en: 'A humanitarian mission and its partners: who we are, how we work and how we protect the data of the people we serve.',
    },
    body: {
      uk: '## Місія\n\nМи — гуманітарна місія, що працює в Україні разом із місцевими громадськими організаціями, громадами та донорами. Наші команди реєструють переміщені родини, надають допомогу, проводять навчання й підтримують місцеві ініціативи грантами.\n\n## Як ми працюємо\n\n- **Один раз і за згодою.** Людину реєструють один раз; кожна дія, що потребує згоди, перевіряє її.\n- **Нікого двічі.** Записи звіряються, щоб ніхто не отримав допомогу двічі і нікого не пропустили.\n- **Підзвітність.** Кожен може поставити запитання чи подати скаргу — зокрема анонімно — і отримати відповідь.\n\n## Захист даних\n\nНа сайті публікуються лише підсумкові цифри. Значення, менші за поріг, приховано разом із тими, з яких їх можна було б вирахувати.',
      en: '## Our mission\n\nWe are a humanitarian mission working in Ukraine together with local civil society organisations, communities and donors. Our teams register displaced families, provide assistance, run trainings and support local initiatives with grants.\n\n## How we work\n\n- **Once, and with consent.** A person is registered once; every action that needs consent checks it.\n- **Nobody twice.** Records are matched so that nobody receives assistance twice and nobody is missed.\n- **Accountability.** Anyone can ask a question or make a complaint, anonymously if they wish, and receive an answer.\n\n## Data protection\n\nOnly aggregate figures are published. Values below the threshold are hidden, together with any figures they could be worked out from.',
    },
  },
  our_work: {
    title: { uk: 'Наша робота', en: 'Our work' },
    description: {
      uk: 'Напрями нашої роботи — від прямої допомоги до грантів для бізнесу, молоді та громад — і скільки людей вони охопили.',
      en: 'Our programme areas, from direct assistance to grants for businesses, young people and communities, and how many people they have reached.',
    },
    body: {
      uk: 'Ми працюємо в п’яти напрямах. Цифри під кожним оновлюються з нашого реєстру допомоги.',
      en: 'We work in five programme areas. The figures under each are updated from our assistance records.',
    },
  },
  where_we_work: {
    title: { uk: 'Де ми працюємо', en: 'Where we work' },
    description: {
      uk: 'Карта областей України: скільки людей отримали допомогу або взяли участь у заняттях у кожній області.',
      en: 'A map of Ukraine’s oblasts: how many people received assistance or took part in sessions in each.',
    },
    body: {
      uk: 'Колір області показує, скільки людей ми охопили там: зареєстрованих учасників наших програм і слухачів просвітницьких занять.',
      en: 'The colour of each oblast shows how many people we reached there: registered participants in our programmes and audiences of awareness sessions.',
    },
  },
  data: {
    title: { uk: 'Дані та ресурси', en: 'Data and resources' },
    description: {
      uk: 'Відкриті набори даних для завантаження у CSV та CSV із тегами HXL: лише підсумки, із захистом від розкриття.',
      en: 'Open datasets to download as CSV and HXL-tagged CSV: aggregates only, with disclosure control.',
    },
    body: {
      uk: 'Набори даних нижче рахуються з тих самих записів, що й цифри на сайті. Ними можна вільно користуватися з посиланням на джерело (CC BY 4.0).\n\nПозначка **x** означає приховане значення: менше за поріг або таке, з якого його можна було б вирахувати.',
      en: 'The datasets below are computed from the same records as the figures on this site. You are free to use them with attribution (CC BY 4.0).\n\nThe mark **x** means a hidden value: below the threshold, or one from which such a value could be worked out.',
    },
  },
  take_action: {
    title: { uk: 'Долучитися', en: 'Take action' },
    description: {
      uk: 'Відкриті грантові конкурси та навчання, на які можна подати заявку, гаряча лінія і форма для відгуків та скарг.',
      en: 'Open grant calls and trainings you can apply to, the hotline, and the form for feedback and complaints.',
    },
    body: {
      uk: 'Подайте заявку на грант чи навчання, поставте запитання або повідомте про проблему. Скаргу можна подати анонімно.',
      en: 'Apply for a grant or a training, ask a question or tell us about a problem. Complaints can be made anonymously.',
    },
  },
  agenda_2030: {
    title: { uk: 'Порядок денний 2030', en: '2030 Agenda' },
    description: {
      uk: 'Цілі сталого розвитку ООН та завдання, яким служить кожен напрям нашої роботи, із живими цифрами.',
      en: 'The UN Sustainable Development Goals and the targets each of our programmes serves, with live figures.',
    },
    body: {
      uk: 'Наша робота спирається на Порядок денний у сфері сталого розвитку до 2030 року. Найближче нам завдання 10.7: упорядкована, безпечна й відповідальна міграція.',
      en: 'Our work is guided by the 2030 Agenda for Sustainable Development. Closest to us is target 10.7: orderly, safe and responsible migration.',
    },
  },
};
