package rapport.summary.delivery;

import jakarta.inject.Singleton;
import rapport.system.Database;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every statement of the e-mail delivery: recipients, the send day and the send log. */
@Singleton
class DeliverySql {

    record Recipient(int id, String email, String accounts, Instant createdAt) {
    }

    record Send(long id, String month, Integer recipientId, String email, String accounts, String state, int attempts,
                Instant claimedAt, Instant sentAt, String error) {
    }

    private static final String RECIPIENTS = "select id, email, accounts, created_at from summary_recipient order by email";
    private static final String ADD_RECIPIENT = """
            insert into summary_recipient (email, accounts) values (?, ?)
            on conflict (email) do update set accounts = excluded.accounts
            returning id, email, accounts, created_at""";
    private static final String DELETE_RECIPIENT = "delete from summary_recipient where id = ?";
    private static final String SEND_DAY = "select send_day from summary_delivery_setting where id = 1";
    private static final String SET_SEND_DAY = "update summary_delivery_setting set send_day = ? where id = 1";
    /**
     * Claims (month, recipient): a new row, or a failed one with attempts left, or one left 'sending' by a run that
     * died long ago. A concurrent claim waits on the unique key and then finds the row taken: no row returned.
     */
    private static final String CLAIM = """
            insert into summary_send (month, recipient_id, email, accounts, state)
            values (?, ?, ?, ?, 'sending')
            on conflict (month, recipient_id) do update
                set state = 'sending', attempts = summary_send.attempts + 1, claimed_at = now(), error = null,
                    email = excluded.email, accounts = excluded.accounts
                where (summary_send.state = 'failed' and summary_send.attempts < ?)
                   or (summary_send.state = 'sending' and summary_send.claimed_at < now() - make_interval(mins => ?))
            returning id""";
    private static final String SENT = "update summary_send set state = 'sent', sent_at = now() where id = ?";
    private static final String FAILED = "update summary_send set state = 'failed', error = ? where id = ?";
    private static final String SENDS = """
            select id, to_char(month, 'YYYY-MM'), recipient_id, email, accounts, state, attempts, claimed_at, sent_at, error
            from summary_send order by claimed_at desc, id desc limit ?""";

    private final Database database;

    DeliverySql(Database database) {
        this.database = database;
    }

    List<Recipient> recipients() {
        return query(RECIPIENTS, st -> { }, rs -> new Recipient(rs.getInt(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4))));
    }

    Recipient addRecipient(String email, String accounts) {
        return query(ADD_RECIPIENT, st -> {
            st.setString(1, email);
            st.setString(2, accounts);
        }, rs -> new Recipient(rs.getInt(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)))).get(0);
    }

    boolean deleteRecipient(int id) {
        return update(DELETE_RECIPIENT, st -> st.setInt(1, id)) > 0;
    }

    int sendDay() {
        return query(SEND_DAY, st -> { }, rs -> rs.getInt(1)).get(0);
    }

    void setSendDay(int day) {
        update(SET_SEND_DAY, st -> st.setInt(1, day));
    }

    Optional<Long> claim(YearMonth month, Recipient recipient, int maxAttempts, int staleMinutes) {
        return query(CLAIM, st -> {
            st.setDate(1, Date.valueOf(month.atDay(1)));
            st.setInt(2, recipient.id());
            st.setString(3, recipient.email());
            st.setString(4, recipient.accounts());
            st.setInt(5, maxAttempts);
            st.setInt(6, staleMinutes);
        }, rs -> rs.getLong(1)).stream().findFirst();
    }

    void sent(long sendId) {
        update(SENT, st -> st.setLong(1, sendId));
    }

    void failed(long sendId, String error) {
        update(FAILED, st -> {
            st.setString(1, error);
            st.setLong(2, sendId);
        });
    }

    List<Send> sends(int limit) {
        return query(SENDS, st -> st.setInt(1, limit), rs -> new Send(rs.getLong(1), rs.getString(2),
                (Integer) rs.getObject(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7),
                instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)), rs.getString(10)));
    }

    private interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Binder binder, Reader<T> reader) {
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement(sql)) {
            binder.bind(st);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int update(String sql, Binder binder) {
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement(sql)) {
            binder.bind(st);
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
