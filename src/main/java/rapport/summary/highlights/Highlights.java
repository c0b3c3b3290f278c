package rapport.summary.highlights;

import rapport.summary.format.DashboardNumbers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Plain-language sentences about the month's largest meaningful changes against the previous month
 * (docs/summary.md, "Highlights"). A change is meaningful when both values exist, both samples hold at
 * least {@link #MIN_SAMPLE} cases and it is at least {@link #MIN_POINTS} percentage points (shares),
 * {@link #MIN_SCORE_POINTS} points (scores) or {@link #MIN_RELATIVE} of the earlier value (everything else).
 */
public final class Highlights {

    public static final int MAX_SENTENCES = 5;
    public static final long MIN_SAMPLE = 20;
    public static final double MIN_POINTS = 0.02;
    public static final double MIN_SCORE_POINTS = 2.0;
    public static final double MIN_RELATIVE = 0.05;
    public static final String FOLLOWERS_PER_1K = "conversations_per_1k_followers";

    private Highlights() {
    }

    /**
     * At most five sentences, largest change first. {@code followers} (may be null) adds the follower
     * context to the sentence about conversations per 1,000 followers. Without a meaningful change, one
     * sentence says so.
     */
    public static List<String> write(List<Change> changes, Change followers, String previousMonth) {
        List<Change> meaningful = changes.stream().filter(Highlights::meaningful)
                .sorted(Comparator.comparingDouble(Highlights::size).reversed()).limit(MAX_SENTENCES).toList();
        if (meaningful.isEmpty()) {
            return List.of("No headline figure changed meaningfully since " + previousMonth + ".");
        }
        List<String> sentences = new ArrayList<>();
        for (Change c : meaningful) {
            sentences.add(sentence(c, c.metric().equals(FOLLOWERS_PER_1K) ? followers : null));
        }
        return sentences;
    }

    /** Worth a sentence: both values, enough cases on both sides, and past the unit's threshold. */
    public static boolean meaningful(Change c) {
        if (c.before() == null || c.after() == null || c.sampleBefore() == null || c.sampleAfter() == null
                || c.sampleBefore() < MIN_SAMPLE || c.sampleAfter() < MIN_SAMPLE) {
            return false;
        }
        double delta = Math.abs(c.after() - c.before());
        return switch (c.unit()) {
            case "share" -> delta >= MIN_POINTS - 1e-12;
            case "score" -> delta >= MIN_SCORE_POINTS - 1e-12;
            default -> c.before() != 0 && delta / Math.abs(c.before()) >= MIN_RELATIVE - 1e-12;
        };
    }

    /** How large a change is, to order the sentences: relative to the earlier value (points when that was zero). */
    static double size(Change c) {
        double delta = Math.abs(c.after() - c.before());
        return c.before() == 0 ? delta / (c.unit().equals("score") ? 100 : 1) : delta / Math.abs(c.before());
    }

    static String sentence(Change c, Change followers) {
        boolean up = c.after() > c.before();
        String from = DashboardNumbers.value(c.before(), c.unit());
        String to = DashboardNumbers.value(c.after(), c.unit());
        String text = switch (c.unit()) {
            // response times read as service: longer is "slipped", shorter "improved"
            case "minutes" -> c.subject() + (up == c.higherIsBetter() ? " improved" : " slipped") + " from " + from + " to " + to;
            case "share", "score" -> c.subject() + (up ? " rose" : " fell") + " from " + from + " to " + to;
            default -> c.subject() + (up ? " rose " : " fell ") + DashboardNumbers.relative((c.after() - c.before()) / c.before()) + " to " + to;
        };
        return text + followersContext(followers) + ".";
    }

    private static String followersContext(Change followers) {
        if (followers == null || followers.before() == null || followers.after() == null || followers.before() == 0) {
            return "";
        }
        double relative = (followers.after() - followers.before()) / followers.before();
        if (Math.abs(relative) < 0.005) {
            return " while followers held steady";
        }
        return " while followers " + (relative > 0 ? "grew " : "fell ") + DashboardNumbers.relative(relative);
    }
}
