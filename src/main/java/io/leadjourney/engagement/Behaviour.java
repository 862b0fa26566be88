package io.leadjourney.engagement;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a lead did, as the {@code engagement-points} table sees it: the behaviour ({@code eventType}) and, when the
 * sender gave them, the page, the asset, the campaign and the seconds on page, so a rule can make a specific white
 * paper or a long look at the pricing page worth more.
 * <p>
 * Its {@link #key()} identifies events the table scores alike: the type alone for an event without details
 * ({@code BLOG_POST_READ}), the type and its details otherwise ({@code CONTENT_DOWNLOADED|asset=competitive-analysis}),
 * encoded without spaces or semicolons so it can name a tally.
 */
public record Behaviour(String type, String page, String asset, String campaign, Integer secondsOnPage) {

    private static final String DETAILS = "|";

    public static Behaviour of(String type) {
        return new Behaviour(type, null, null, null, null);
    }

    /** As a sender reported it: texts trimmed and lower-cased (as the tables read them), blank ones none. */
    public static Behaviour reported(String type, String page, String asset, String campaign, Integer secondsOnPage) {
        return new Behaviour(type, normal(page), normal(asset), normal(campaign), secondsOnPage);
    }

    private static String normal(String text) {
        return text == null || text.isBlank() ? null : text.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public String key() {
        Map<String, String> details = new LinkedHashMap<>();
        put(details, "page", page);
        put(details, "asset", asset);
        put(details, "campaign", campaign);
        put(details, "seconds", secondsOnPage == null ? null : secondsOnPage.toString());
        if (details.isEmpty()) {
            return type;
        }
        StringBuilder key = new StringBuilder(type).append(DETAILS);
        details.forEach((name, value) -> key.append(key.charAt(key.length() - 1) == '|' ? "" : "&").append(name)
                .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return key.toString();
    }

    /** The behaviour a {@link #key()} names. */
    public static Behaviour parse(String key) {
        int at = key.indexOf(DETAILS);
        if (at < 0) {
            return of(key);
        }
        Map<String, String> details = new HashMap<>();
        for (String pair : key.substring(at + 1).split("&")) {
            int equals = pair.indexOf('=');
            details.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        String seconds = details.get("seconds");
        return new Behaviour(key.substring(0, at), details.get("page"), details.get("asset"), details.get("campaign"),
                seconds == null ? null : Integer.valueOf(seconds));
    }

    /** The inputs of the points table: every column, null where the event has nothing. */
    public Map<String, Object> inputs() {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("eventType", type);
        inputs.put("page", page);
        inputs.put("asset", asset);
        inputs.put("campaign", campaign);
        inputs.put("secondsOnPage", secondsOnPage);
        return inputs;
    }

    private static void put(Map<String, String> details, String name, String value) {
        if (value != null && !value.isBlank()) {
            details.put(name, value);
        }
    }
}
