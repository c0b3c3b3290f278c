package rapport.summary.highlights;

/**
 * One figure in two consecutive complete months, as the highlight rules read it. {@code subject} is what a
 * sentence starts with ("Repeat rate", "Median response time on x/AcmeCare"); the samples are the figure's n
 * (its denominator) or, for a count, the count itself.
 */
public record Change(String metric, String subject, String unit, boolean higherIsBetter,
                     Double before, Double after, Long sampleBefore, Long sampleAfter) {
}
