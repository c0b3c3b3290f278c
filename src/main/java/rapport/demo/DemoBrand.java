package rapport.demo;

import java.util.List;

/** The generated brand's voice: what it posts, how it answers, what its people say. */
final class DemoBrand {

    private DemoBrand() {
    }

    record Account(String network, String handle, long followers, double dailyGrowth, String replyKind, String askKind) {
    }

    static final List<Account> ACCOUNTS = List.of(
            new Account("x", "AcmeSupport", 18_400, 0.0012, "reply", "mention"),
            new Account("x", "Acme", 52_000, 0.0020, "reply", "mention"),
            new Account("instagram", "acme", 31_500, 0.0030, "comment", "comment"));

    static final List<String> PROMOTIONS = List.of(
            "Big sale this weekend: 30% off everything. Shop now https://acme.example/sale",
            "Limited time: free shipping on all orders. Order now!",
            "Giveaway! Retweet and follow us to enter to win a new kettle",
            "Use promo code SPRING for a discount on our new range",
            "New arrivals are here, link in bio");

    static final List<String> CONVERSATIONS = List.of(
            "What's the one kitchen gadget you couldn't live without?",
            "Tell us about the best meal you cooked this week",
            "We're redesigning our kettles. What would you change?",
            "Coffee or tea this morning?",
            "Our team tested 12 ways to brew. Which one do you use?");

    static final List<String> QUESTIONS = List.of(
            "my order hasn't arrived yet, it's been a week",
            "the lid of my kettle cracked after two months",
            "can I change the delivery address on my order?",
            "do you ship to Norway?",
            "the app won't let me log in",
            "is the blender dishwasher safe?",
            "I was charged twice for one order",
            "love the new toaster, does it come in green?");

    static final List<String> FOLLOW_UPS = List.of(
            "thanks, the order number is 48213", "still nothing", "sent you a DM",
            "ok, that worked!", "great, thank you so much", "that doesn't answer my question");

    /** Canned replies: agents paste these with the handle and their initials changed. */
    static final List<String> TEMPLATES = List.of(
            "@%s We're sorry to hear that. Please send us a DM with your order number and we'll look into it. ^%s",
            "@%s Thanks for reaching out! Our team is looking into this and will get back to you shortly. ^%s");

    /** Personal replies: written for the person, so no two read alike (name, product and day vary). */
    static final List<String> PERSONAL = List.of(
            "@%1$s Hi %2$s, sorry about the %3$s! I've sent a replacement today and it should be with you by %4$s.",
            "@%1$s %2$s, I checked your %3$s order myself: it left our warehouse this morning, expect it %4$s.",
            "@%1$s Thanks %2$s! The %3$s is dishwasher safe except for the base. Tell us what you make on %4$s!",
            "@%1$s Good news %2$s, the %3$s comes back in green on %4$s. I'll ping you the moment it lands.",
            "@%1$s %2$s, I can see the double charge for the %3$s and refunded it just now; it shows by %4$s.",
            "@%1$s Glad it worked out %2$s! Enjoy the %3$s, and say hi again on %4$s if anything comes up.");

    static final List<String> NAMES = List.of("Sam", "Priya", "Jonas", "Mia", "Tom", "Aisha", "Lena", "Omar", "Grace",
            "Luis", "Nora", "Ben", "Chloe", "Ivan", "Yuki", "Ada", "Felix", "Rosa", "Kofi", "Elena");

    static final List<String> PRODUCTS = List.of("kettle", "toaster", "blender", "coffee grinder", "stand mixer",
            "rice cooker", "frying pan", "knife set", "espresso machine", "waffle iron");

    static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "next week", "the weekend");

    static final List<String> AGENTS = List.of("JD", "KC", "AM", "RT");
}
