package rapport.demo;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A realistic brand for a first look at the dashboard: three accounts on two networks, 30 weeks up to
 * now, loyal fans who come back and share, one-off complainers, canned and personal replies,
 * promotional and conversational posts, follower snapshots and NPS answers. Deterministic per seed.
 */
public final class DemoDataGenerator {

    static final int WEEKS = 30;

    private final Random random;
    private final Instant now;
    private final Instant start;
    private final CSVPrinter messages;
    private final StringWriter messagesOut = new StringWriter();
    private final List<String[]> surveys = new ArrayList<>();
    private int nextId;

    public record DemoFiles(String messages, String followers, String surveys) {
    }

    public DemoDataGenerator(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
        this.start = LocalDate.ofInstant(now, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(WEEKS - 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        try {
            this.messages = new CSVPrinter(messagesOut, CSVFormat.RFC4180.builder().setRecordSeparator("\n").setHeader(
                    "network", "account", "message_id", "author_id", "author_handle", "from_brand", "kind",
                    "created_at", "in_reply_to", "text").get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DemoFiles generate() {
        for (DemoBrand.Account account : DemoBrand.ACCOUNTS) {
            List<Person> people = people(account);
            for (Instant week = start; week.isBefore(now); week = week.plus(7, ChronoUnit.DAYS)) {
                generateWeek(account, people, week);
            }
        }
        return new DemoFiles(messagesOut.toString(), followers(), surveysCsv());
    }

    private enum Type { FAN, REGULAR, COMPLAINER }

    private record Person(String id, Type type, double weeklyChance, Instant joins) {
    }

    private List<Person> people(DemoBrand.Account account) {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 420; i++) {
            Type type = i < 40 ? Type.FAN : i < 160 ? Type.REGULAR : Type.COMPLAINER;
            double chance = switch (type) {
                case FAN -> 0.55;
                case REGULAR -> 0.18;
                case COMPLAINER -> 0.0;
            };
            Instant joins = start.plus((long) (random.nextDouble() * WEEKS * 7 * 24), ChronoUnit.HOURS);
            people.add(new Person(account.network() + "-" + account.handle().toLowerCase() + "-" + i, type, chance, joins));
        }
        return people;
    }

    private void generateWeek(DemoBrand.Account account, List<Person> people, Instant week) {
        // the brand's posts: more promotion on the main account than on support
        int posts = account.handle().endsWith("Support") ? 2 : 5;
        List<String> postIds = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            Instant at = week.plus(random.nextInt(7 * 24), ChronoUnit.HOURS);
            boolean promo = random.nextDouble() < (account.handle().endsWith("Support") ? 0.2 : 0.55);
            String text = pick(promo ? DemoBrand.PROMOTIONS : DemoBrand.CONVERSATIONS);
            postIds.add(write(account, account.handle(), true, "post", at, null, text));
        }
        for (Person person : people) {
            if (week.isBefore(person.joins().minus(7, ChronoUnit.DAYS))) {
                continue;
            }
            boolean firstWeek = !week.isAfter(person.joins());
            boolean shows = person.type() == Type.COMPLAINER ? firstWeek && random.nextDouble() < 0.9
                    : firstWeek || random.nextDouble() < person.weeklyChance();
            if (!shows) {
                continue;
            }
            Instant at = week.plus(random.nextInt(7 * 24 * 60), ChronoUnit.MINUTES);
            if (random.nextDouble() < 0.6 || postIds.isEmpty()) {
                conversation(account, person, at);
            }
            if (!postIds.isEmpty()) {
                String post = postIds.get(random.nextInt(postIds.size()));
                if (person.type() == Type.FAN && random.nextDouble() < 0.5) {
                    write(account, person.id(), false, "share", at.plus(20, ChronoUnit.MINUTES), post, "");
                }
                if (random.nextDouble() < 0.7) {
                    write(account, person.id(), false, "reaction", at.plus(25, ChronoUnit.MINUTES), post, "");
                }
            }
            if (random.nextDouble() < 0.08) {
                int score = switch (person.type()) {
                    case FAN -> 8 + random.nextInt(3);
                    case REGULAR -> 5 + random.nextInt(6);
                    case COMPLAINER -> random.nextInt(8);
                };
                surveys.add(new String[]{account.network(), person.id(), LocalDate.ofInstant(at, ZoneOffset.UTC).plusDays(1).toString(), String.valueOf(score)});
            }
        }
    }

    /** A person asks; the brand answers (personally or from a template), sometimes late, sometimes never. */
    private void conversation(DemoBrand.Account account, Person person, Instant at) {
        String ask = write(account, person.id(), false, account.askKind(), at, null,
                "@" + account.handle() + " " + pick(DemoBrand.QUESTIONS));
        String last = ask;
        Instant t = at;
        int rounds = person.type() == Type.FAN ? 1 + random.nextInt(3) : 1 + random.nextInt(2);
        for (int round = 0; round < rounds; round++) {
            if (random.nextDouble() < (person.type() == Type.COMPLAINER ? 0.25 : 0.1)) {
                return;
            }
            t = t.plus(responseDelay());
            if (t.isAfter(now)) {
                return;
            }
            boolean canned = random.nextDouble() < (account.handle().endsWith("Support") ? 0.55 : 0.25);
            String text = canned
                    ? String.format(pick(DemoBrand.TEMPLATES), person.id(), pick(DemoBrand.AGENTS))
                    : String.format(pick(DemoBrand.PERSONAL), person.id(), pick(DemoBrand.NAMES),
                    pick(DemoBrand.PRODUCTS), pick(DemoBrand.DAYS));
            last = write(account, account.handle(), true, account.replyKind(), t, last, text);
            t = t.plus(5 + random.nextInt(120), ChronoUnit.MINUTES);
            if (t.isAfter(now) || random.nextDouble() < 0.4) {
                return;
            }
            last = write(account, person.id(), false, account.replyKind(), t, last, "@" + account.handle() + " " + pick(DemoBrand.FOLLOW_UPS));
        }
    }

    /** Mostly within the hour, with a long tail: one answer in ten waits for the next working days. */
    private Duration responseDelay() {
        if (random.nextDouble() < 0.1) {
            return Duration.ofMinutes(20 * 60 + random.nextInt(60 * 60));
        }
        double minutes = Math.exp(3.2 + 1.4 * random.nextGaussian());
        return Duration.ofMinutes(Math.max(2, Math.min((long) minutes, 5 * 24 * 60)));
    }

    private String write(DemoBrand.Account account, String author, boolean fromBrand, String kind, Instant at,
                         String inReplyTo, String text) {
        if (at.isAfter(now)) {
            at = now.minusSeconds(60);
        }
        String id = account.network() + "-" + (++nextId);
        try {
            messages.printRecord(account.network(), account.handle(), id, author, author, fromBrand, kind,
                    at.toString(), inReplyTo == null ? "" : inReplyTo, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }

    private String followers() {
        StringBuilder csv = new StringBuilder("network,account,day,followers\n");
        LocalDate first = LocalDate.ofInstant(start, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (DemoBrand.Account account : DemoBrand.ACCOUNTS) {
            double followers = account.followers();
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                followers *= 1 + account.dailyGrowth() * (0.5 + random.nextDouble());
                csv.append(account.network()).append(',').append(account.handle()).append(',').append(day)
                        .append(',').append(Math.round(followers)).append('\n');
            }
        }
        return csv.toString();
    }

    private String surveysCsv() {
        StringBuilder csv = new StringBuilder("network,author_id,day,score\n");
        for (String[] row : surveys) {
            csv.append(String.join(",", row)).append('\n');
        }
        return csv.toString();
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
