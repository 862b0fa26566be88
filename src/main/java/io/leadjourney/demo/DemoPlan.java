package io.leadjourney.demo;

import io.leadjourney.lead.NewLead;
import io.leadjourney.lead.RejectReason;
import io.leadjourney.opportunity.LostReason;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Who arrives in the demo's quarter, when, what they do, and how sales will treat them: a pure function of the
 * seed, the number of leads and the quarter, so every first start tells the same story. Each lead's choices come
 * from a random source of its own, so one lead's fate does not depend on the order the others are worked in.
 */
record DemoPlan(Instant from, Instant to, List<PlannedLead> leads) {

    private static final String[] FIRST = {"Ada", "Alan", "Grace", "Linus", "Margaret", "Tim", "Barbara", "Ken",
            "Frances", "Dennis", "Radia", "Edsger", "Hedy", "Niklaus", "Karen", "John", "Sophie", "Vint", "Annie",
            "Bjarne", "Jean", "Donald", "Mary", "Guido", "Shafi", "James", "Lynn", "Tony", "Carol", "Yukihiro",
            "Priya", "Rahul", "Mei", "Kenji", "Aroha", "Liam", "Chloe", "Mateo", "Ingrid", "Olu"};
    private static final String[] LAST = {"Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Berners-Lee",
            "Liskov", "Thompson", "Allen", "Ritchie", "Perlman", "Dijkstra", "Lamarr", "Wirth", "Sparck Jones",
            "Backus", "Wilson", "Cerf", "Easley", "Stroustrup", "Bartik", "Knuth", "Keller", "van Rossum",
            "Goldwasser", "Gosling", "Conway", "Hoare", "Shaw", "Matsumoto", "Sharma", "Iyer", "Chen", "Sato",
            "Ngata", "Murphy", "Martin", "Garcia", "Larsen", "Adeyemi"};
    private static final String[] COMPANY_FIRST = {"Northwind", "Bluebird", "Granite", "Harbor", "Juniper",
            "Lumen", "Meridian", "Orbit", "Pioneer", "Quarry", "Redwood", "Summit", "Tidal", "Vertex", "Willow",
            "Atlas", "Beacon", "Cobalt", "Delta", "Ember", "Falcon", "Glacier", "Helix", "Ion", "Kestrel"};
    private static final String[] COMPANY_LAST = {"Analytics", "Logistics", "Software", "Health", "Robotics",
            "Foods", "Energy", "Labs", "Systems", "Finance", "Retail", "Studios", "Networks", "Works", "Partners"};
    private static final String[] INDUSTRY = {"Software", "Logistics", "Healthcare", "Manufacturing", "Retail",
            "Financial Services", "Energy", "Media"};
    private static final String[] ROLE = {"CTO", "CFO", "CEO", "VP Sales", "Head of Operations", "IT Manager",
            "Marketing Manager", "Developer", "Analyst", "Student", "Consultant", "Procurement Lead"};
    private static final String[] COUNTRY = {"United Kingdom", "United States", "Germany", "France", "Netherlands",
            "Ireland", "Canada", "Sweden", "Spain", "United States"};
    private static final String[] APAC = {"Australia", "New Zealand", "Singapore", "Japan", "India"};
    private static final String[] SOURCE = {"webinar", "trade show", "white paper", "referral", "paid search",
            "organic search", "partner", "blog"};
    private static final String[] BEHAVIOUR = {"EMAIL_OPENED", "EMAIL_OPENED", "EMAIL_CLICKED", "BLOG_POST_READ",
            "BLOG_POST_READ", "CONTENT_DOWNLOADED", "WEBINAR_REGISTERED", "WEBINAR_ATTENDED",
            "PRICING_PAGE_VISITED", "FORM_SUBMITTED", "EMAIL_REPLIED", "TRIAL_STARTED"};
    private static final String[] TIMING = {"WITHIN_3_MONTHS", "WITHIN_12_MONTHS", "LATER", "UNKNOWN"};
    private static final RejectReason[] REJECT = {RejectReason.NOT_NOW, RejectReason.NOT_NOW,
            RejectReason.NEEDS_NURTURING, RejectReason.NEEDS_NURTURING, RejectReason.NOT_A_FIT,
            RejectReason.NOT_A_FIT, RejectReason.BAD_DATA, RejectReason.DUPLICATE};
    private static final LostReason[] LOST = {LostReason.PRICE, LostReason.COMPETITOR, LostReason.NO_BUDGET,
            LostReason.NO_DECISION, LostReason.TIMING, LostReason.PRODUCT_FIT};

    /** One lead of the quarter and everything the demo will do with it. */
    record PlannedLead(int index, Instant arrives, NewLead lead, List<PlannedEvent> events, Fate fate) {
    }

    /** Something the lead does, on a day of the quarter. */
    record PlannedEvent(Instant at, String type) {
    }

    /**
     * How sales treats the lead, should it come to them: the hours a rep lets each task wait (working hours or
     * not), whether the rep accepts and why not, whether each contact reaches the lead, what the discovery call
     * shows, and the deal.
     */
    record Fate(long seed, double acceptWithinHours, RejectReason rejectFor,
                double reachChance, String discovery, int dealAfterDays, Deal deal, LostReason lostReason,
                long dealValue) {

        /** Hours the rep lets this task wait: quick mostly, sometimes a day or two, now and then far too long. */
        double hoursToWork(String taskKey, Instant created) {
            Random random = new Random(seed ^ taskKey.hashCode() ^ created.toEpochMilli());
            if (taskKey.equals(DemoHistory.ACCEPT)) {
                return acceptWithinHours;
            }
            double roll = random.nextDouble();
            return roll < 0.6 ? 1 + random.nextDouble() * 6 : roll < 0.9 ? 8 + random.nextDouble() * 20
                    : 30 + random.nextDouble() * 40;
        }

        /** What the rep writes when rejecting. */
        String rejectNote() {
            return switch (rejectFor) {
                case NOT_NOW -> "Budget frozen until next year";
                case NEEDS_NURTURING -> "Only researching for now";
                case NOT_A_FIT -> "Student project, no budget";
                case BAD_DATA -> "The phone number does not exist";
                case DUPLICATE -> "Same person as an open lead";
            };
        }

        /** Whether the contact attempt made on this task reaches the lead. */
        boolean reaches(Instant created) {
            return new Random(seed ^ created.toEpochMilli() ^ 7).nextDouble() < reachChance;
        }
    }

    enum Deal { WON, LOST, OPEN }

    /** The quarter of {@code days} days up to {@code to}, with {@code count} leads, chosen by {@code seed}. */
    static DemoPlan of(long seed, int count, int days, Instant to) {
        Instant from = to.minus(Duration.ofDays(days)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        Random arrivals = new Random(seed);
        Set<String> emails = new HashSet<>();
        List<PlannedLead> leads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Instant arrives = arrival(arrivals, from, to);
            leads.add(lead(i, arrives, new Random(seed * 1_000_003L + i), emails, to));
        }
        leads.sort(Comparator.comparing(PlannedLead::arrives).thenComparing(PlannedLead::index));
        return new DemoPlan(from, to, List.copyOf(leads));
    }

    /** A time in the quarter: more on working days and in working hours, a little more in later weeks. */
    private static Instant arrival(Random random, Instant from, Instant to) {
        long span = Duration.between(from, to).toMinutes();
        while (true) {
            double position = Math.sqrt(random.nextDouble());  // later weeks a little busier
            Instant at = from.plus(Duration.ofMinutes((long) (position * span)));
            var local = at.atOffset(ZoneOffset.UTC);
            boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean office = local.getHour() >= 7 && local.getHour() < 19;
            double keep = (weekend ? 0.2 : 1.0) * (office ? 1.0 : 0.25);
            if (random.nextDouble() < keep && at.isBefore(to)) {
                return at;
            }
        }
    }

    private static PlannedLead lead(int index, Instant arrives, Random random, Set<String> emails, Instant to) {
        String first = pick(random, FIRST);
        String last = pick(random, LAST);
        String company = pick(random, COMPANY_FIRST) + " " + pick(random, COMPANY_LAST);
        String domain = company.toLowerCase().replace(' ', '-') + ".example";
        String local = (first + "." + last).toLowerCase().replaceAll("[^a-z.]", "");
        String email = local + "@" + domain;
        if (!emails.add(email)) {
            email = local + index + "@" + domain;
            emails.add(email);
        }
        double size = random.nextDouble();
        Integer employees = size < 0.35 ? Integer.valueOf(2 + random.nextInt(9))
                : size < 0.7 ? Integer.valueOf(11 + random.nextInt(40))
                : size < 0.9 ? Integer.valueOf(51 + random.nextInt(2_000)) : null;  // null: size unknown
        String country = random.nextDouble() < 0.15 ? pick(random, APAC) : pick(random, COUNTRY);
        String role = pick(random, ROLE);
        boolean wantsContact = random.nextDouble() < 0.22;
        boolean phone = random.nextDouble() < 0.8;
        Integer users = employees == null ? null : Integer.valueOf(Math.max(1, employees / 3));
        NewLead lead = new NewLead(email, first, last, company, employees, null, pick(random, INDUSTRY), "B2B",
                role, country, pick(random, SOURCE), wantsContact,
                phone ? "+44 20 7946 " + String.format("%04d", random.nextInt(10_000)) : null, domain, role,
                pick(random, TIMING), null, users, null);

        List<PlannedEvent> events = new ArrayList<>();
        int engaged = (int) Math.round(Math.abs(random.nextGaussian()) * 3);
        for (int e = 0; e < engaged; e++) {
            events.add(new PlannedEvent(arrives.plus(Duration.ofMinutes(30 + random.nextInt(10 * 24 * 60))),
                    pick(random, BEHAVIOUR)));
        }
        if (random.nextDouble() < 0.3) {  // comes back weeks later
            Instant back = arrives.plus(Duration.ofDays(20 + random.nextInt(50)));
            for (int e = 0, n = 2 + random.nextInt(3); e < n; e++) {
                events.add(new PlannedEvent(back.plus(Duration.ofHours(random.nextInt(72))),
                        pick(random, BEHAVIOUR)));
            }
        }
        events.removeIf(event -> !event.at().isBefore(to));
        events.sort(Comparator.comparing(PlannedEvent::at));

        double accept = random.nextDouble();
        double acceptWithin = accept < 0.65 ? 0.5 + random.nextDouble() * 5 : accept < 0.88
                ? 6 + random.nextDouble() * 20 : 30 + random.nextDouble() * 40;
        boolean rejects = random.nextDouble() < 0.22;
        double discovery = random.nextDouble();
        double deal = random.nextDouble();
        Fate fate = new Fate(random.nextLong(), acceptWithin, rejects ? pick(random, REJECT) : null, 0.3 + random.nextDouble() * 0.4,
                discovery < 0.5 ? "READY" : discovery < 0.85 ? "NEEDS_NURTURE" : "SUSPECT",
                7 + random.nextInt(35), deal < 0.45 ? Deal.WON : deal < 0.8 ? Deal.LOST : Deal.OPEN,
                pick(random, LOST), 5_000 + 1_000L * random.nextInt(80));
        return new PlannedLead(index, arrives, lead, List.copyOf(events), fate);
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
