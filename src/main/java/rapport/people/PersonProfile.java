package rapport.people;

import io.micronaut.core.annotation.Introspected;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One person as the profile page shows them: their totals (a row of the people table), their threads with
 * the brand, their tier at the end of each recent week, their survey answers.
 */
@Introspected
public record PersonProfile(String network, String authorId, String handle, String scope, Instant asOf, PersonRow totals,
                            List<Thread> threads, List<WeekTier> tierHistory, List<SurveyAnswer> surveys) {

    /** A message in a thread: {@code own} when the person wrote it; {@code responseMinutes} on the first message of an answered turn. */
    @Introspected
    public record Message(String messageId, Instant createdAt, String kind, String account, boolean fromBrand, boolean own,
                          String authorHandle, String text, boolean opensTurn, Double responseMinutes, boolean canned) {
    }

    @Introspected
    public record Thread(String rootMessageId, List<Message> messages) {
    }

    @Introspected
    public record WeekTier(Instant weekEnd, String tier) {
    }

    @Introspected
    public record SurveyAnswer(LocalDate day, int score) {
    }
}
