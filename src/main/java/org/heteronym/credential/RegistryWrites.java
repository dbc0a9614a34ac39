package org.heteronym.credential;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.heteronym.log.EntryKind;
import org.heteronym.log.LogEntry;

/** What the two registries' writes share. */
final class RegistryWrites {

    private RegistryWrites() {
    }

    /** The log entry, or a refusal when the definition is too large for one (64 KiB). */
    static LogEntry entry(EntryKind kind, Map<String, ?> fields) {
        try {
            return LogEntry.of(kind, fields);
        } catch (IllegalArgumentException e) {
            throw new CredentialAdminRefusal(CredentialProblem.TOO_LARGE,
                    "the definition does not fit in one log entry of " + LogEntry.MAX_BYTES + " bytes");
        }
    }

    /** Today (UTC), or the registration day if the clock went back since. */
    static LocalDate today(LocalDate registeredOn) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return today.isBefore(registeredOn) ? registeredOn : today;
    }
}
