package org.heteronym.credential;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The professions a member can prove. Nothing finer (specialty, school, year) is ever kept: it can unmask. */
public enum Profession {
    PHYSICIAN("physician"),
    RESIDENT("resident"),
    MEDICAL_STUDENT("medical student");

    private final String label;

    Profession(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The name in JSON (admin API, log entries): {@code physician}, {@code resident}, {@code medical-student}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The profession with this exact {@link #wireName()}. */
    public static Optional<Profession> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(wireName)).findFirst();
    }
}
