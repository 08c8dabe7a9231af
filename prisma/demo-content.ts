// Demo texts for the seed: the course "Foundations: Work, Wages and Time" of the Riverside
// Study Network. Original writing, credited to fictional authors, so the demo can be shown
// and printed anywhere without rights questions. Plain data only: prisma/seed.ts decides
// how it is stored.
//
// The first reading is deliberately long and uses every Markdown construct a reading may
// hold (headings, block quotes, nested lists, a table, footnotes, emphasis, an external
// link), so the reading page and the pack PDF are exercised by real-looking content.

export type DemoReading = {
  title: string;
  author: string;
  source: string;
  pageRange: string;
  estimatedMinutes: number;
  bodyMarkdown: string;
};
export type DemoPrompt = { text: string; readingIndex: number | null };
export type DemoLesson = { title: string; summary: string; readings: DemoReading[]; prompts: DemoPrompt[] };

const SOURCE = "Riverside Study Network reader, 2026";

const WORKING_DAY = `Ask almost anyone how long a working day is, and they will answer without stopping to think: eight hours. The number feels natural, like the length of a week or the number of months in a year. But there is nothing natural about it. For most of the history of wage work, a day's labour ran far longer, and the eight-hour day was won slowly, place by place and trade by trade, over roughly a hundred years. In many jobs it has never been won at all, and in some it is being lost again.

This reading tells part of that story. It is not a complete history, and it leans on Britain, Australia and the United States because their records are the easiest to follow in English. Similar fights happened in nearly every country that built factories. As you read, keep one question in mind: *who decides how long a day's work is, and how?*

## Before the clock ran the day

Most people who have ever lived worked on the land. A farming household's work was hard and often very long, especially at harvest, but its rhythm was set by daylight, weather, animals and the seasons rather than by a clock. A cow is milked when she needs milking. Hay is brought in before the rain.

Historians sometimes call this *task orientation*: the day is organised around jobs that need doing, not around hours that need filling. The historian E. P. Thompson made the idea well known in an essay published in 1967, in which he argued that learning to live by the clock was one of the great, and painful, changes that came with industry.[^thompson]

### Craft workers and "Saint Monday"

Before large factories, much manufacturing happened in small workshops or in people's homes. A weaver, a shoemaker or a cutler was often paid for finished pieces, and so could arrange the week with some freedom. In parts of eighteenth- and nineteenth-century England, craft workers kept a custom nicknamed *Saint Monday*: Monday was taken as a day off (or a slow day), and the lost time was made up with very long days toward the end of the week, when the work had to be delivered.

It would be a mistake to romanticise this. Pay was often poor, children worked alongside adults, and the end-of-week rush could be brutal. But the worker, or the household, had some say over *when* the work was done. That control is exactly what the factory took away.

## The mill and the long day

The first large textile mills in Britain, from the late eighteenth century onward, ran expensive machinery. A machine standing idle earns nothing for its owner, so the owner wants it running as many hours as possible. Workers had to arrive together, start together and stop together, because the machines were driven by one water wheel or steam engine for the whole building.

Days of twelve to fourteen hours, six days a week, were common in the early mills. Meal breaks were short and sometimes taken at the machine. Fines were charged for lateness, for talking, for opening a window. The factory bell, and later the factory clock, became the centre of life.

> The following is an imagined letter, written for this reader. It draws on the kind of evidence that mill workers gave to government inquiries in the 1830s, but it is not a real document.
>
> "We go in at half past five by the bell and come out at eight at night, and if the engine stops for a break in the belting they keep us after to make the time good. My sister is eleven and minds the piecing. She falls asleep over her supper most nights. The overseer has a watch, and we are not to have one. When he says the hour is up, it is up."

Notice the last lines of that letter. In several accounts from the period, workers complained that employers controlled the only timepiece in the building, and could stretch the day by running the clock slow. Whoever holds the clock holds a kind of power.

### Children in the mills

Children were hired in large numbers because they were cheap, small enough to crawl under machines, and easy to discipline. Public concern about children's hours, rather than adults', was what first brought the law into the factory. Britain's Factory Act of 1833 barred children under nine from most textile mills, limited the hours of older children, and — just as important — created a small team of paid inspectors to enforce it.[^inspectors] Earlier laws had existed on paper; without inspectors, they were mostly ignored.

This pattern repeats throughout the history of working hours:

1. A group is seen as especially vulnerable (children first, then women).
2. The law protects that group, often after years of campaigning.
3. Because the work of the protected group is bound up with everyone else's, the shorter day slowly spreads to adults who were never covered by the law.
4. Enforcement decides whether any of it is real.

The British Ten Hours Act of 1847 followed this path. It limited women and young people in textile mills to ten hours a day. Since the mills could not easily run without them, many men's hours fell too.

## "Eight hours for work, eight hours for rest, eight hours for what we will"

The demand for an eight-hour day is older than most people think. The Welsh mill owner and reformer Robert Owen is usually credited with an early version of the slogan, around 1817. By the middle of the century, the idea of dividing the day into three equal parts had become a rallying cry for working people in several countries.

> Eight hours for work, eight hours for rest, eight hours for what we will.
>
> — a campaign slogan, widely sung and printed in the second half of the nineteenth century

The third eight hours is the most interesting. The slogan did not only ask for rest, so that people could work well the next day. It asked for time that belonged to the worker: time to read, to organise, to raise children, to worship or not, to do nothing at all. Many of the study circles, reading rooms and night schools of the period were filled by people using exactly those hours.

### Melbourne, 1856

One of the earliest lasting victories came in Melbourne, in the Australian colony of Victoria. In 1856, stonemasons in the city stopped work and marched to press for an eight-hour day, and won it. Their success became a point of local pride, and for many years Victoria marked the anniversary with a public holiday and processions. The win covered particular trades, not the whole workforce, but it showed that the demand could be met without ruin.

### Chicago, 1886

In the United States, labour organisations called for the eight-hour day to begin on the first of May, 1886. Hundreds of thousands of workers across the country struck or demonstrated. In Chicago, a protest meeting at the Haymarket on the fourth of May ended in violence when a bomb was thrown at police and shooting followed; people died on both sides. The trial that followed, in which several men were condemned on thin evidence, became one of the most argued-over episodes in American legal history.

The events of that May are one reason why the first of May is celebrated as a workers' day in much of the world. (In the United States and Canada, Labor Day falls in September instead, a choice with its own history.)

## The law steps in

By the early twentieth century, the eight-hour day had moved from the street into contracts and then into law. The table below gives a few milestones. It is a small sample, chosen to show the variety of ways the change happened: by strike, by agreement, by statute and by international treaty.

| Year | Place | What changed |
|---|---|---|
| 1833 | United Kingdom | Factory Act limits children's hours in textile mills; paid inspectors appointed |
| 1847 | United Kingdom | Ten Hours Act for women and young people in textile mills |
| 1856 | Victoria (Australia) | Building trades in Melbourne win the eight-hour day |
| 1886 | United States | Nationwide strikes for the eight-hour day beginning 1 May |
| 1914 | United States | Ford Motor Company moves its factory to eight-hour shifts, with higher daily pay |
| 1919 | International | The International Labour Organization's first convention sets 8 hours a day and 48 a week for industry |
| 1938 | United States | Fair Labor Standards Act: a maximum week with overtime pay, reaching 40 hours by 1940 |

Two things stand out. First, employers were not all on one side. Some fought shorter hours bitterly; others, like Ford, decided that rested workers produced more and stayed longer in the job, and that shorter shifts allowed a factory to run around the clock with three crews. Second, the *week* mattered as much as the *day*. The free Saturday afternoon, and later the two-day weekend, came through the same kind of struggle.

### Overtime: a price on the extra hour

The American law of 1938 did not forbid long weeks. Instead it made the hours beyond forty more expensive, by requiring "time and a half" pay. This is a different idea from a hard limit. It treats the worker's time after forty hours as worth more, and gives the employer a reason to hire another person rather than stretch the existing one. It also, of course, gives the worker a reason to want overtime, since the extra pay can be the difference between managing and not managing.

## Shorter still?

If the working day could fall from fourteen hours to eight, why stop there? The question has been asked seriously more than once.

### The six-hour day

In December 1930, early in the Great Depression, the breakfast-cereal company Kellogg's, in Battle Creek, Michigan, replaced its three eight-hour shifts with four six-hour shifts. The company's owner argued that this would create work for several hundred more people at a time of mass unemployment, and that rested workers would be more efficient. For a time, many workers in the town spoke of the extra hours as something precious: time for gardens, sport, churches and clubs, family.

The six-hour day did not last. Over the following decades, many workers chose, or were pressed, to return to eight-hour shifts, mostly because eight hours' pay went further than six. Historians still argue about how free that choice was. The episode is a good example of a tension that runs all through this reading: *time and money pull against each other*, and people with less money often have to give up time to get it.

### The thirty-five-hour week and the four-day week

France passed laws in 1998 and 2000 that set the standard working week at thirty-five hours, partly in the hope of reducing unemployment by sharing work more widely. The results are still debated: some studies found modest gains in jobs, others found little effect, and many firms used the change to reorganise schedules in ways workers did not always like. The law has been loosened since, but the thirty-five-hour week remains the reference point.

More recently, in the early 2020s, employers in several countries took part in trials of a four-day week with no loss of pay. Most of the firms involved were offices and small businesses rather than factories or hospitals, so it is too early to say what the results mean for work in general. But the old argument has returned in a new form: if work can be done in fewer hours, who should get the time that is saved — the employer, as more output, or the worker, as more life?

## Arguments on every side

It helps to lay out the arguments people have made about working hours, because most of them are still heard today, sometimes in almost the same words.

1. **Arguments for longer hours** (or against limits):
   - Freedom of contract: adults should be free to agree to whatever hours they choose.
   - Competition: if one country or firm shortens hours and others do not, it will lose trade.
   - Income: workers paid by the hour or piece need the hours to earn enough.
2. **Arguments for shorter hours:**
   - Health and safety: tired workers have more accidents and fall ill more often.
   - Productivity: after a point, extra hours produce little, or produce mistakes.
   - Citizenship: people need time to take part in public life, family and learning.
   - Sharing work: in hard times, shorter hours can spread the available work among more people.
3. **Arguments about who decides:**
   - Should hours be set by law, by collective agreement, by each individual, or by some mixture?

Notice that "freedom of contract" and "time that belongs to the worker" are both arguments about freedom. They disagree about where the danger to freedom lies: in the law telling people what they may agree to, or in the pressure that makes an "agreement" less than free.[^contract]

## The day today

It would be comforting to end the story with the eight-hour day won and settled. The record is more mixed.

- Many people work well over forty hours, across two or three jobs, none of which counts as "overtime" because no single employer sees the whole week.
- Shift work, including nights, keeps hospitals, warehouses, transport and prisons running. Research on night work links it to poorer sleep and health, and it falls hardest on people with the least choice about their schedule.
- Work paid by the task — delivery by app, for example — can look a little like the old piece-work of the cottage weaver: free to choose your hours in principle, under pressure to work very long ones in practice.
- Phones and e-mail let work reach into the evening and the weekend without any clock being punched at all.
- Much of the work that keeps people alive — cooking, cleaning, caring for children, the sick and the old — has never had a working day of any fixed length, because it has rarely been paid.[^unpaid]

Work done inside institutions has its own rules. In many prisons, people work in kitchens, laundries, workshops and cleaning crews for very low pay, and the laws on hours and minimum wages that apply outside often do not apply, or apply differently. Members of this study group will know far more about that than any reading can tell them, and your experience is part of the evidence this course is about.

### A note on sources

If you have internet access, a good starting point for further reading is the encyclopedia article on the eight-hour day at [en.wikipedia.org/wiki/Eight-hour_day](https://en.wikipedia.org/wiki/Eight-hour_day), which lists dates for many more countries than we could include here. If you do not, ask your facilitator: we can print and mail short extracts on request.

## Questions to carry with you

You do not need to answer these in writing; the prompts for this lesson are listed separately. They are here to think with.

- When you have worked long hours, who or what set the length of the day?
- What would you do with "eight hours for what we will"? What do you do with them now, if you have them?
- Which of the arguments above do you find most convincing, and which have you heard used in your own working life?

The length of the working day has never been settled once and for all. Every generation has had to decide it again, in its own circumstances. That is the best reason to study how earlier generations did it.

[^thompson]: E. P. Thompson, "Time, Work-Discipline, and Industrial Capitalism," published in the historical journal *Past & Present* in 1967. It is a long and sometimes difficult essay; our third lesson returns to its ideas in simpler form.

[^inspectors]: There were only four inspectors at first, for the whole of the country's textile industry, so enforcement was thin. Still, the principle that the state would send someone into the factory to check was new and lasting.

[^contract]: This disagreement is old and still lively. In 1905 the Supreme Court of the United States struck down a New York law limiting bakers' hours, calling it an interference with freedom of contract; it was some thirty years before the Court accepted laws of that kind. You may find it useful to ask, of any agreement you have made about work: what would have happened if I had said no?

[^unpaid]: Some economists and statisticians now try to measure unpaid household work with "time-use surveys", which ask people to keep a diary of how they spend each day. These surveys consistently find that this work takes up a very large share of all the hours people work.`;

const NIGHT_SHIFT = `I worked nights for six years, first in a bakery and then in a distribution warehouse. People ask what it was like, and the honest answer is that it was like living in a different country that happens to share the same streets.

## The hours

A night shift at the warehouse ran from ten at night to six-thirty in the morning, with a half-hour break that was unpaid and a fifteen-minute one that was paid. On paper that is an eight-hour day. In practice the day was longer, because of the bus, and because sleep in daylight never quite counts as sleep.

> You learn to eat breakfast at dinner time and dinner at breakfast time, and after a while your stomach stops asking which is which.

## What nobody tells you

- The money is a little better, and that little is why most people are there.
- Your family runs on a different clock. You are awake when they sleep and asleep when they need you.
- The people on nights look after each other, because nobody else is looking.

I am not writing this to complain. Some of the best people I have known, I met at three in the morning beside a conveyor belt. I am writing it because when we talk about "the working day", we usually mean a day, and for a great many people it is not.`;

const WAGES = `A wage looks like the simplest thing in the world: you work, and you are paid. But ask what, exactly, a wage is paying *for*, and the answers start to multiply.

## Three ways of paying for work

1. **By time.** An hourly rate, a daily rate, a weekly or monthly salary. The worker sells their time, and the employer tries to make that time as productive as possible.
2. **By the piece.** So much per shirt sewn, per box packed, per delivery made. The worker appears to control their earnings — work faster, earn more — but the employer sets the rate, and can lower it when people get faster.
3. **By the task or the result.** A fee for a finished job. Common in building trades, in freelance work, and now in app-based work.

Each of these puts risk in a different place. With time wages, a slow day is the employer's problem. With piece rates, a broken machine or a late delivery of materials is the worker's problem.

## Floors under the wage

Late in the nineteenth century, some governments began to set a legal minimum. New Zealand in 1894 and the Australian colony of Victoria in 1896 created systems of boards and courts that could fix wages in particular trades. In 1907 an Australian judge ruled that a "fair and reasonable" wage should be enough for a worker to support a family in modest comfort — a standard based on *need*, not on what the market would pay. The United States set its first national minimum wage in 1938, at twenty-five cents an hour.

These laws rest on a claim that is still argued over: that a wage is not only a price, set by supply and demand like the price of potatoes, but also a *living*, something a person and their family depend on.

## What a wage measures, and what it leaves out

| A wage can be seen as a measure of… | …but it leaves out |
|---|---|
| the value of what the worker produced | work that produces value but is unpaid |
| how scarce the worker's skill is | skills that are common but hard, like care |
| the bargaining power of each side | whether either side had a real choice |
| what the worker needs to live | what living actually costs in that place and year |

Economists also distinguish between the *nominal* wage — the number on the pay slip — and the *real* wage, which is what that number will buy. A raise that is smaller than the rise in prices is, in real terms, a cut.

None of these views is simply right. Each catches something true. The questions for this lesson ask you to test them against your own experience of being paid, or not paid, for work.`;

const CLOCK = `Look at the clock on the wall. Someone put it there, and it is probably not you.

## A short history of being on time

For most of history, time was local and loose. Towns set their clocks by the sun, so noon in one town came a few minutes before or after noon in the next. Church bells marked the hours for those within earshot. Few people owned a watch.

Three changes tightened time's grip.

- **The factory bell.** As described in our first lesson, mills needed everyone at the machines together. Lateness was fined. Workers were taught, sometimes harshly, to live by the bell.
- **The railway.** Trains running between towns with different local times were a recipe for confusion and collisions. British railways adopted a single standard time from the 1840s, and in November 1883 the railways of the United States and Canada divided the continent into standard time zones. Governments followed later.
- **The time clock.** In the late 1880s, an American inventor patented a clock that recorded each worker's arrival and departure. Later machines stamped a card, and "punching in" made each worker's minutes a written record.

## Measuring the work itself

Early in the twentieth century, the engineer Frederick Winslow Taylor promoted what he called *scientific management*. Using a stopwatch, a manager would break a job into its smallest motions, time each one, and set the "right" speed for the whole task. Supporters saw waste being removed; critics saw skill and judgement being taken from workers and handed to managers.

> The stopwatch did not only measure the work. It changed who knew how the work should be done.

Today the stopwatch is often software: scanners that count packages per hour, apps that time deliveries, systems that log how long a call-centre worker spends on each call.

## Time discipline is learned

We are not born knowing how to be on time. Schools, with their bells and timetables, teach it early. So do armies, hospitals and prisons. Whether that learning feels like order or like control often depends on whether you had any say in the timetable.`;

const TIME_INSIDE = `This short piece was written for members of our program who are incarcerated, but we hope every member will read it.

In prison, time is counted more openly than almost anywhere else. A sentence is a quantity of time. Days are marked by counts, meals, movement, lock-in and lights-out, and almost none of these are chosen by the people who live by them.

Members have written to us about how they manage this. Some of what they told us:

- Keeping a private schedule — reading at a set hour, exercise at another — as a way of owning part of the day.
- Treating letters and study as "outside time", which runs at a different speed.
- Noticing that a work assignment, even a poorly paid one, can make the day shorter, and asking what that says about work in general.

We do not want to turn anyone's experience into a lesson. But the questions this course asks — who sets the hours, what the time is worth, who holds the clock — are questions that members inside know from the ground up. Your answers will help everyone else in the group understand them.`;

export const DEMO_LESSONS: DemoLesson[] = [
  {
    title: "The Length of the Working Day",
    summary:
      "How long a day's work should be has been fought over for two centuries. We follow the story from farm and workshop to the mill, the eight-hour movement and the laws that followed, and ask how it looks today.",
    readings: [
      {
        title: "Who Sets the Hours? A Short History of the Working Day",
        author: "Marguerite Okafor-Lind",
        source: SOURCE,
        pageRange: "pp. 1–14",
        estimatedMinutes: 30,
        bodyMarkdown: WORKING_DAY,
      },
      {
        title: "Notes from the Night Shift",
        author: "Dennis Achterberg",
        source: SOURCE,
        pageRange: "pp. 15–16",
        estimatedMinutes: 5,
        bodyMarkdown: NIGHT_SHIFT,
      },
    ],
    prompts: [
      {
        text: "Think of a job you have held, paid or unpaid, inside or outside. Who decided how long your working day was, and how did they decide it? Did you have any say?",
        readingIndex: 0,
      },
      {
        text: "The old slogan asked for \"eight hours for what we will\". If you had those hours, free and guaranteed, what would you do with them? What stands in the way?",
        readingIndex: 0,
      },
      {
        text: "The night-shift writer says that for many people the working day is not a day at all. What does working at odd hours do to a person's life, and to the people around them?",
        readingIndex: 1,
      },
    ],
  },
  {
    title: "Wages and What They Measure",
    summary:
      "Time, piece or task: how work is paid, what a wage is supposed to measure, and what it leaves out, from the first minimum wage laws to the pay slip.",
    readings: [
      {
        title: "What Does a Wage Pay For?",
        author: "Tomás Arrieta-Bell",
        source: SOURCE,
        pageRange: "pp. 17–20",
        estimatedMinutes: 8,
        bodyMarkdown: WAGES,
      },
    ],
    prompts: [
      {
        text: "Have you ever been paid by the piece or by the task rather than by the hour? How did it change the way you worked, and who carried the risk when things went wrong?",
        readingIndex: 0,
      },
      {
        text: "Is a wage a price, like the price of any other thing, or is it a living? Use an example from your own life or from someone you know.",
        readingIndex: 0,
      },
      {
        text: "Name a kind of work that is valuable but badly paid or not paid at all. Why do you think it is paid the way it is?",
        readingIndex: null,
      },
    ],
  },
  {
    title: "Clocks, Shifts and Time Discipline",
    summary:
      "Factory bells, railway time, punch clocks and stopwatches: how people learned to live by the clock, who holds it, and what that means for those whose time is counted most closely.",
    readings: [
      {
        title: "The Clock on the Wall",
        author: "Ruth Adeyemi-Harlan",
        source: SOURCE,
        pageRange: "pp. 21–24",
        estimatedMinutes: 8,
        bodyMarkdown: CLOCK,
      },
      {
        title: "Time Inside",
        author: "The Riverside Study Network facilitators",
        source: SOURCE,
        pageRange: "p. 25",
        estimatedMinutes: 3,
        bodyMarkdown: TIME_INSIDE,
      },
    ],
    prompts: [
      {
        text: "Where did you first learn to be \"on time\"? Describe the place and the people who taught you, and whether it felt like order or like control.",
        readingIndex: 0,
      },
      {
        text: "Whose clocks do you live by now? Describe an ordinary day and mark the moments that are set by someone else.",
        readingIndex: 1,
      },
    ],
  },
];

export const DEMO_LETTERS: { intro: string; advanced: string } = {
  intro: `Dear friends,

Welcome to the first pack of **Foundations: Work, Wages and Time**. Whether you are reading this in a cell, at a kitchen table or on a phone during a break, you are now part of a group that reads the same pages and writes to each other across a lot of distance.

This pack has one long reading and one short one. Take the long one slowly. It is fine to read it in pieces, and fine to skip the footnotes the first time through.

**How to answer.** Pick the questions that speak to you — you do not need to answer all of them. Write in your own words and from your own experience; there are no wrong answers and no spelling tests. A page is plenty. Put the response code printed on each sheet at the top of your answer, so we file it under the right question.

**Sharing.** If you have said yes to sharing, we may print part of what you write in a later pack, under your pen name only. You can change your mind at any time by telling us in a letter.

Please send your answers back by the due date printed on the cover. If you need more time, just write and say so. Late is always better than never.

We are looking forward to hearing from you.

In solidarity and good reading,
Your facilitators at the Riverside Study Network`,
  advanced: `Dear friends,

Many of you have now been with the group for several packs, and your answers have been getting longer, sharper and more argumentative. Good. This pack asks a little more of you.

The reading on clocks and time discipline is short, but the questions behind it are large. This time, please try to do three things in your answers:

1. **Take a position.** Say clearly what you think, even if you are not sure.
2. **Use the reading.** Point to one idea, date or example from it, and say whether it fits your experience.
3. **Answer someone.** The featured responses in this pack come from members in four different places. Pick one and reply to it: agree, disagree, or add something the writer missed.

You will see that we have started printing short replies between members alongside the featured responses. Several of you asked for this, and it has made the conversation feel much more like a room than a mailbox.

As always, answers are due by the date on the cover. If the mail is slow where you are, or your unit is on lockdown, write when you can and tell us; we will hold your place.

Thank you for the care you put into your writing. It is the best part of our month.

With respect,
Your facilitators at the Riverside Study Network`,
};

export const DEMO_RESPONSES: string[] = [
  `When I worked in the kitchen here, the day was set by the count. You start when they open the door and you stop when the last tray goes out, and if the count does not clear you stand there. Nobody asked me how long I wanted to work. I do not think anybody asked the officer either.

What struck me in the reading was the overseer with the only watch. That is exactly it. The person with the clock does not have to argue with you. He just tells you what time it is.

I did have one kind of say. If I worked fast the line finished early and we got twenty minutes to sit before we were walked back. So we worked fast. I suppose that was a kind of piece rate, except we were paid in minutes instead of money.`,
  `Eight hours for what we will. I had to sit with that one for a while, because honestly I have not had eight free hours in a row since my daughter was born. Between the warehouse and the kids and my mother's appointments, the "what we will" part got eaten a long time ago.

If I had them guaranteed, I would like to say I would read or go back to school, and maybe I would. But the first thing I would do is sleep without an alarm. Then I would cook something that takes all afternoon.

What stands in the way is not one boss. It is that every part of my life runs on somebody else's schedule and none of them talk to each other. The reading says the week mattered as much as the day. For me it is the whole calendar.`,
  `I was paid by the piece once, picking apples when I was nineteen. So much a bin. The first week I thought it was the best deal in the world, because I was young and fast and nobody was watching me.

By the third week I understood it better. When it rained we earned nothing. When the trees at the far end were thin, we earned almost nothing and walked twice as far. The farmer did not lose a cent on a bad day. We did.

The reading says each way of paying puts the risk in a different place, and that is the best sentence I have read about work in a long time. Under the hourly wage at my next job, a slow day was the company's problem. I worked less hard there, and I was less afraid. I think both of those things were true at the same time, and I do not know which one the company cared about more.`,
  `I want to push back on the reading a little. It makes it sound like the clock is always something done to us. But where I grew up, my grandfather was the one who taught me to be on time, and he was not a boss. He drove a bus for thirty years. He said being on time was how a poor man showed respect, because it was the one thing nobody could take from him.

So I learned it at home first, and I learned it as pride, not as punishment. Later, in the army and then in here, it turned into something else. Same lesson, different teacher, and it felt completely different.

Maybe the question is not whether time discipline is order or control. Maybe it is whether the person teaching it is also keeping it. My grandfather kept it. A lot of the people who have given me a schedule since then did not.`,
  `My answer is about my mother, who cleaned houses for twenty-two years and was never once called a worker by anybody, including herself. She called it "doing for people."

She was paid in cash by the house, not by the hour, so if a family came home late or the kitchen was worse than usual, she stayed until it was done. Some families were kind and some were not. None of them paid into anything for her, so when her back went, there was nothing.

The table in the reading says a wage can measure how scarce a skill is, but leaves out skills that are common but hard. That is her whole working life in one line. Everyone thinks they could clean a house. Most of them could not do six in a day, every day, for twenty-two years.

I think it is paid the way it is because it is done by women, in private, and people do not like to think about who is cleaning up after them.`,
  `I do not have a good answer to "who decided", because where I work now, a program decides. I drive deliveries for an app. It tells me where to go and how long it thinks it should take, and my rating goes down if I am slower than its guess.

Nobody sets my hours. That is what they told me when I signed up: you are your own boss, work when you want. And it is true that I can log off. But the pay per delivery is low enough that I need eleven or twelve hours to make a day worth it, so in practice the app decides that too.

Reading about the Saint Monday weavers made me laugh, because it is the same thing. Free in principle. Long days in practice. Maybe not much has changed except that my overseer is a phone.`,
];

export const DEMO_FEEDBACK: string[] = [
  "Thank you for this. The way you put it — paid in minutes instead of money — says something the reading only hints at. Would you be willing to let us share it in the next pack? Several members work in kitchens and I think they would want to answer you.",
  "Your point about the whole calendar, not just the day, is a real addition to the lesson. Next time, you might say a bit more about which of those schedules you could change if you had the chance, and which you could not.",
  "This is a clear, honest answer, and your line about being less hard-working and less afraid at the same time is one we could discuss for a whole evening. You have understood the reading's point about risk exactly.",
  "I am glad you pushed back. The idea that time discipline can be pride as well as control is important, and your grandfather's example makes it concrete. Look at the last paragraph of the clock reading again: does it agree with you?",
];

export const DEMO_DRAFT = `I first learned to be on time at school, where the bell rang at 8:15 and if you were late you had to get a pink slip from the office. My teacher, Mrs. Dale, stood by the door every morning and she would`;
