package org.yike.api.access;

/**
 * Where a user's role applies: a region by its GB/T 2260 code (six digits; {@code 440000} a
 * province, {@code 440300} a city, {@code 440305} a district, {@code 000000} the whole country) or one
 * school by its name.
 */
public record Scope(String value) {

    public Scope {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("a scope is a six-digit region code or a school's name");
        value = value.strip();
        if (value.length() > 128) throw new IllegalArgumentException("a scope is at most 128 characters");
    }

    public boolean isRegion() {
        return value.matches("\\d{6}");
    }

    /**
     * Whether this scope covers a school of that name in that region (either may be null where
     * unknown): a school scope its school, a region scope every region whose code starts with the
     * scope's code less its trailing pairs of zeros.
     */
    public boolean covers(String school, String region) {
        if (!isRegion()) return value.equals(school);
        if (region == null) return value.equals("000000");
        String prefix = value;
        while (prefix.endsWith("00")) prefix = prefix.substring(0, prefix.length() - 2);
        return region.startsWith(prefix);
    }

    @Override
    public String toString() {
        return value;
    }
}
