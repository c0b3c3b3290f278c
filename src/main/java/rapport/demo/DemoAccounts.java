package rapport.demo;

import java.util.List;

/** The demo brand's accounts, by key ({@code network/handle}), so that they can be removed in one action. */
public final class DemoAccounts {

    private DemoAccounts() {
    }

    public static List<String> keys() {
        return DemoBrand.ACCOUNTS.stream().map(a -> a.network() + "/" + a.handle()).toList();
    }
}
