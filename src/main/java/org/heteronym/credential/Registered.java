package org.heteronym.credential;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** A trust anchor or licensing authority as registered: active until {@code retiredOn}. */
public record Registered<T>(T definition, LocalDate registeredOn, Optional<LocalDate> retiredOn) {

    public Registered {
        Objects.requireNonNull(definition);
        Objects.requireNonNull(registeredOn);
        Objects.requireNonNull(retiredOn);
    }

    public boolean active() {
        return retiredOn.isEmpty();
    }
}
