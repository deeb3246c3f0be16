import type { CreateStoryBody } from '@oselia/contracts';

/**
 * The three demo stories, written for this project. The people in them are the fictional demo
 * families of the registry (see the demo module), featured with their consent to story publication.
 */
export interface DemoStory {
  story: Omit<CreateStoryBody, 'featuredPersonIds'>;
  /** Who the story features: a registry search that finds the demo person. */
  features: string;
  illustration: { svg: string; alt: { uk: string; en: string } };
}

const frame = (background: string, shapes: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800"><rect width="1200" height="800" fill="${background}"/>${shapes}</svg>`;

export const DEMO_STORIES: DemoStory[] = [
  {
    features: 'Бондаренко Ірина',
    story: {
      slug: 'cafe-from-dnipro-reopens-in-lviv',
      programme: 'livelihoods',
      placePcode: 'UA4606025',
      tags: ['бізнес', 'релокація', 'Львів'],
      title: {
        uk: 'Кав’ярня з Дніпра знову варить каву — тепер у Львові',
        en: 'A café from Dnipro is brewing again, now in Lviv',
      },
      summary: {
        uk: 'Ірина закрила свою кав’ярню, коли обстріли наблизилися до дому. Бізнес-грант допоміг їй купити нову кавомашину і відкритися у Львові, де тепер працюють ще четверо переселенців.',
        en: 'Iryna closed her café when the shelling came close to home. A business grant helped her buy a new espresso machine and reopen in Lviv, where four more displaced people now work with her.',
      },
      body: {
        uk: [
          'Сім років Ірина тримала невелику кав’ярню біля парку в Дніпрі. Постійні гості знали, що по суботах там печуть пиріг з вишнями, а бариста пам’ятає, хто п’є каву без цукру.',
          '',
          'Навесні 2022 року вона разом із сином переїхала до Львова. Обладнання довелося залишити: везти кавомашину через пів країни не було як.',
          '',
          '## Почати спочатку',
          '',
          'У Львові Ірина спершу працювала баристою в чужому закладі і шукала приміщення. Коли оголосили конкурс бізнес-грантів для релокованих підприємств, вона подала заявку з планом: кавомашина, холодильна вітрина і ремонт невеликої зали на Городоцькій.',
          '',
          '> «Найважче було повірити, що це не на кілька тижнів. Коли ми вирішили, що залишаємося, план склався за вечір».',
          '',
          'Комісія оцінила план, і грант виплатили двома частинами: першу — на обладнання, другу — після того, як кав’ярня відкрилася і звітувала про перші місяці роботи.',
          '',
          '## Що змінилося',
          '',
          '- кав’ярня працює шостий місяць;',
          '- у команді п’ятеро людей, четверо з них теж переїхали зі сходу;',
          '- по суботах знову печуть пиріг з вишнями.',
        ].join('\n'),
        en: [
          'For seven years Iryna ran a small café by a park in Dnipro. Regulars knew that on Saturdays there was cherry pie, and that the barista remembered who took their coffee without sugar.',
          '',
          'In spring 2022 she moved to Lviv with her son. The equipment stayed behind: there was no way to take an espresso machine across half the country.',
          '',
          '## Starting over',
          '',
          'In Lviv, Iryna first worked as a barista in someone else’s café while she looked for premises. When a call for business grants for relocated enterprises opened, she applied with a plan: an espresso machine, a chilled display case and the repair of a small room on Horodotska Street.',
          '',
          '> “The hardest part was believing it was not for a few weeks. Once we decided to stay, the plan came together in an evening.”',
          '',
          'The committee scored the plan, and the grant was paid in two parts: the first for the equipment, the second once the café had opened and reported on its first months.',
          '',
          '## What has changed',
          '',
          '- the café is in its sixth month;',
          '- five people work there, four of whom also moved from the east;',
          '- on Saturdays there is cherry pie again.',
        ].join('\n'),
      },
    },
    illustration: {
      alt: {
        uk: 'Ілюстрація: чашка кави на тлі вікна кав’ярні',
        en: 'Illustration: a cup of coffee in front of a café window',
      },
      svg: frame(
        '#f3e2c7',
        '<rect x="120" y="90" width="960" height="520" rx="24" fill="#9cc3e0"/><path d="M600 90v520M120 350h960" stroke="#f3e2c7" stroke-width="26"/><rect x="0" y="610" width="1200" height="190" fill="#8a5a3b"/><path d="M430 450h300l-30 220a40 40 0 0 1-40 35H500a40 40 0 0 1-40-35z" fill="#fff"/><path d="M725 500c90 0 90 110 0 110" stroke="#fff" stroke-width="28" fill="none"/><ellipse cx="580" cy="455" rx="150" ry="22" fill="#5b3a24"/><path d="M520 380c-30-40 30-60 0-100M600 380c-30-40 30-60 0-100M680 380c-30-40 30-60 0-100" stroke="#fff" stroke-width="14" fill="none" stroke-linecap="round"/>',
      ),
    },
  },
  {
    features: 'Мельник Андрій',
    story: {
      slug: 'summer-school-3d-printing-team-pervomaisk',
      programme: 'youth',
      placePcode: 'UA4808013',
      tags: ['молодь', '3D-друк', 'безпечна міграція'],
      title: {
        uk: 'Від літньої школи до 3D-принтера: як Андрій навчає однолітків у Первомайську',
        en: 'From a summer school to a 3D printer: how Andriy teaches his peers in Pervomaisk',
      },
      summary: {
        uk: 'Андрій виїхав з Херсонщини у сімнадцять. Після літньої школи з протидії торгівлі людьми він зібрав команду, отримав молодіжний грант на 3D-принтери і провів заняття з безпечної міграції для старшокласників.',
        en: 'Andriy left Kherson region at seventeen. After a summer school on counter-trafficking he put a team together, won a youth grant for 3D printers and ran classes on safe migration for high-school students.',
      },
      body: {
        uk: [
          'Коли Андрій разом із бабусею виїхав з окупованого села на Херсонщині, він мав рюкзак, телефон і незакінчений курс з інженерної графіки. Вони оселилися в гуртожитку коледжу в Первомайську.',
          '',
          '## Літня школа',
          '',
          'Влітку Андрій потрапив до літньої школи для молоді з громад, що приймають переселенців. Десять днів учасники розбиралися, як працюють вербувальники «легкої роботи за кордоном», як перевірити роботодавця і куди дзвонити, якщо щось пішло не так.',
          '',
          '> «Я зрозумів, що половина оголошень, які мені траплялися, — це саме те, про що нам розповідали».',
          '',
          '## Команда і грант',
          '',
          'Після школи Андрій з трьома друзями подав заявку на молодіжний грант. Команда купила два 3D-принтери і облаштувала майстерню в коледжі: друкують деталі для місцевих майстерень і запасні частини, яких не знайти в магазинах.',
          '',
          'А ще вони ведуть заняття. За пів року випускники школи провели дванадцять уроків з безпечної міграції для старшокласників Первомайська — і на кожному показують, як перевірити підозріле оголошення.',
        ].join('\n'),
        en: [
          'When Andriy left an occupied village in Kherson region with his grandmother, he had a backpack, a phone and an unfinished course in engineering drawing. They settled in a college dormitory in Pervomaisk.',
          '',
          '## The summer school',
          '',
          'That summer Andriy joined a summer school for young people from communities hosting displaced families. For ten days the participants worked out how recruiters of “easy jobs abroad” operate, how to check an employer and whom to call when something goes wrong.',
          '',
          '> “I realised that half the job ads I had come across were exactly what they were telling us about.”',
          '',
          '## A team and a grant',
          '',
          'After the school Andriy and three friends applied for a youth grant. The team bought two 3D printers and set up a workshop at the college: they print parts for local workshops and spare parts that shops no longer stock.',
          '',
          'They also teach. In six months the school’s alumni have given twelve classes on safe migration to high-school students in Pervomaisk, and in each one they show how to check a suspicious job ad.',
        ].join('\n'),
      },
    },
    illustration: {
      alt: {
        uk: 'Ілюстрація: 3D-принтер друкує деталь',
        en: 'Illustration: a 3D printer printing a part',
      },
      svg: frame(
        '#e4eef6',
        '<path d="M0 700h1200" stroke="#b7c9d8" stroke-width="4"/><rect x="330" y="140" width="540" height="500" rx="20" fill="none" stroke="#24425e" stroke-width="28"/><rect x="300" y="600" width="600" height="80" rx="14" fill="#24425e"/><path d="M360 250h480" stroke="#24425e" stroke-width="18"/><rect x="560" y="230" width="80" height="70" rx="8" fill="#f28c28"/><path d="M600 300v60" stroke="#f28c28" stroke-width="10"/><path d="M500 590v-120l100-60 100 60v120z" fill="#f6b26b"/><path d="M500 470l100 60 100-60M600 530v60" stroke="#c6772f" stroke-width="8" fill="none"/>',
      ),
    },
  },
  {
    features: 'Ткачук Оксана',
    story: {
      slug: 'from-soledar-to-helping-families-in-vinnytsia',
      programme: 'protection',
      placePcode: 'UA0502003',
      tags: ['громадські організації', 'Вінниця', 'підтримка родин'],
      title: {
        uk: 'Із Соледара до Вінниці: Оксана допомагає родинам, які пройшли той самий шлях',
        en: 'From Soledar to Vinnytsia: Oksana helps families who have made the same journey',
      },
      summary: {
        uk: 'Оксана виїхала із Соледара з родиною в травні 2022 року. Тепер вона консультує переселенців у вінницькій громадській організації: допомагає з документами, житлом і зверненнями.',
        en: 'Oksana left Soledar with her family in May 2022. Now she advises displaced people at a community organisation in Vinnytsia, helping with documents, housing and applications.',
      },
      body: {
        uk: [
          'Двадцять років Оксана працювала бухгалтеркою на підприємстві в Соледарі. У травні 2022-го, коли місто вже постійно обстрілювали, вона з чоловіком і донькою виїхала евакуаційним потягом до Вінниці.',
          '',
          'Перші тижні пішли на довідки: статус внутрішньо переміщеної особи, школа для доньки, пошук житла. Оксана пам’ятає, як плутано все здавалося — і як допомогли волонтери громадської організації, до якої вона прийшла по гуманітарний набір.',
          '',
          '## По той бік столу',
          '',
          'Через кілька місяців організації знадобився консультант, який знає, як рахувати й заповнювати документи. Оксана погодилася. Тепер вона щодня приймає родини, що приїхали з Донеччини та Луганщини: пояснює, на які виплати вони мають право, допомагає подати заяви і направляє до юристів і психологів, коли потрібно.',
          '',
          '> «Я кажу людям: я теж стояла в цій черзі. Вони видихають — і ми починаємо з першого документа».',
          '',
          'Кожне звернення фіксують, щоб родина не розповідала свою історію двічі, а допомога не дублювалася між організаціями. Відтоді через консультації Оксани пройшли сотні родин.',
        ].join('\n'),
        en: [
          'For twenty years Oksana worked as an accountant at a company in Soledar. In May 2022, when the town was already under constant shelling, she left for Vinnytsia on an evacuation train with her husband and daughter.',
          '',
          'The first weeks went on paperwork: registration as an internally displaced person, a school for her daughter, somewhere to live. Oksana remembers how confusing it all seemed, and how the volunteers of a community organisation helped when she came in for a relief kit.',
          '',
          '## The other side of the desk',
          '',
          'A few months later the organisation needed an adviser who could count and fill in forms. Oksana said yes. Now she sees families from Donetsk and Luhansk regions every day: she explains which payments they are entitled to, helps them apply and refers them to lawyers and psychologists when needed.',
          '',
          '> “I tell people: I stood in this queue too. They breathe out, and we start with the first document.”',
          '',
          'Every visit is recorded, so that a family does not have to tell its story twice and assistance is not duplicated between organisations. Hundreds of families have come through Oksana’s consultations since.',
        ].join('\n'),
      },
    },
    illustration: {
      alt: {
        uk: 'Ілюстрація: дім із серцем над дверима і дві постаті біля нього',
        en: 'Illustration: a house with a heart above the door and two figures beside it',
      },
      svg: frame(
        '#eaf3e6',
        '<path d="M0 660h1200" stroke="#a9c79c" stroke-width="6"/><path d="M380 380l220-190 220 190v280H380z" fill="#ffd500"/><path d="M350 400l250-215 250 215" stroke="#0b4f8a" stroke-width="30" fill="none" stroke-linejoin="round"/><rect x="555" y="520" width="90" height="140" rx="8" fill="#0b4f8a"/><path d="M600 470c-40-40-80 0-40 35l40 35 40-35c40-35 0-75-40-35z" fill="#d9463b"/><circle cx="240" cy="470" r="40" fill="#0b4f8a"/><path d="M185 660v-110a55 55 0 0 1 110 0v110z" fill="#0b4f8a"/><circle cx="960" cy="490" r="34" fill="#2f7d4a"/><path d="M915 660v-95a45 45 0 0 1 90 0v95z" fill="#2f7d4a"/>',
      ),
    },
  },
];
