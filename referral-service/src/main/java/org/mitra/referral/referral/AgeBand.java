package org.mitra.referral.referral;

import java.util.List;

/** The age bands a subject profile may name; the only age a referral carries. */
public final class AgeBand {
    public static final List<String> CODES = List.of("0-11", "12-17", "18-24", "25-34", "35-49", "50+", "unknown");

    private AgeBand() {
    }

    public static boolean isValid(String code) {
        return CODES.contains(code);
    }

    /** Whether an age in years falls in the band ({@code unknown} contains every age). */
    public static boolean contains(String code, int age) {
        if ("unknown".equals(code)) {
            return true;
        }
        if (code.endsWith("+")) {
            return age >= Integer.parseInt(code.substring(0, code.length() - 1));
        }
        String[] bounds = code.split("-");
        return age >= Integer.parseInt(bounds[0]) && age <= Integer.parseInt(bounds[1]);
    }
}
