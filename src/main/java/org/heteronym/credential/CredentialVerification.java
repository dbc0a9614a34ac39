package org.heteronym.credential;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Verifies a member's evidence with the trust anchors and licensing authorities that are active (registered, not
 * retired) in the database: the one entry point for enrollment and recovery.
 *
 * <p>The verifiers are immutable; this bean holds a snapshot of them built from the active rows, replaced whole (a
 * volatile reference) at start-up, after every change this replica makes (the registries wait for it before
 * answering), and every {@code heteronym.credential.registry-refresh} (30 s) so that changes made through another
 * replica arrive too. The revocation checker and the status list cache outlive snapshots.
 *
 * <p>Verification blocks (OCSP, CRL and status list fetches, up to the checkers' timeouts), so it runs on a worker
 * thread, and the result is delivered back on the caller's Vert.x context when there is one, where Hibernate
 * Reactive expects the caller to continue.
 */
@ApplicationScoped
public class CredentialVerification {

    private static final Logger LOG = Logger.getLogger(CredentialVerification.class);
    private static final String ACTIVE_ANCHORS = "select id, ca_certificates, licence_attribute_oid, "
            + "name_attribute_oid, profession_by_policy, registered_on from trust_anchor where retired_on is null "
            + "order by id";
    private static final String ACTIVE_AUTHORITIES = "select id, issuer, jwks, vcts, claims, professions, "
            + "status_list_prefixes, registered_on from licensing_authority where retired_on is null order by id";

    private final Pool pool;
    private final Duration refreshInterval;
    private final X509RevocationChecker revocation = new X509RevocationChecker();
    private final StatusListClient statusLists = StatusListClient.create(List.of());
    private final AtomicLong tickets = new AtomicLong();
    private long appliedTicket; // guarded by this
    private volatile Snapshot snapshot;
    private Vertx vertx;
    private long timer = -1;

    private record Snapshot(Map<String, X509TrustAnchor> anchors, Map<String, LicensingAuthority> authorities,
                            CmsCredentialVerifier certificates, AttestationVerifier attestations,
                            StatusListClient statusLists) {
    }

    /** A verification that may refuse. */
    @FunctionalInterface
    private interface Verification {
        VerifiedCredential run(Snapshot snapshot) throws CredentialRefusal;
    }

    CredentialVerification(Pool pool,
                           @ConfigProperty(name = "heteronym.credential.registry-refresh", defaultValue = "30s")
                           Duration refreshInterval) {
        this.pool = pool;
        this.refreshInterval = refreshInterval;
        this.snapshot = snapshot(List.of(), List.of());
    }

    void start(@Observes StartupEvent event, Vertx vertx) {
        this.vertx = vertx;
        refresh().await().atMost(Duration.ofSeconds(30));
        timer = vertx.setPeriodic(refreshInterval.toMillis(), id -> refresh().subscribe().with(
                ignored -> { }, failure -> LOG.warnf("Reloading trust anchors and authorities failed: %s", failure)));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /**
     * Verifies a CMS signature by a health-professional certificate over {@code challenge}
     * ({@link CmsCredentialVerifier}); fails with the {@link CredentialRefusal} when refused.
     */
    public Uni<VerifiedCredential> verifyCertificateSignature(byte[] cmsSignedData, byte[] challenge) {
        return offload(s -> s.certificates().verify(cmsSignedData, challenge, Instant.now()));
    }

    /**
     * Verifies a licensing authority's attestation presented with key binding over {@code challenge} for
     * {@code audience} ({@link AttestationVerifier}); fails with the {@link CredentialRefusal} when refused.
     */
    public Uni<VerifiedCredential> verifyAttestation(String presentation, byte[] challenge, String audience) {
        return offload(s -> s.attestations().verify(presentation, challenge, audience, Instant.now()));
    }

    /** The active trust anchor with this id, as of the current snapshot. */
    public Optional<X509TrustAnchor> anchor(String id) {
        return Optional.ofNullable(snapshot.anchors().get(id));
    }

    /** The active licensing authority with this id, as of the current snapshot. */
    public Optional<LicensingAuthority> authority(String id) {
        return Optional.ofNullable(snapshot.authorities().get(id));
    }

    /**
     * For the licence monitor: re-checks handles with the long-lived revocation checker (CRL cache) and the current
     * snapshot's status list client and authorities, so a replaced authority key takes effect.
     */
    public LicenceStatusChecker licenceStatus() {
        return new LicenceStatusChecker(revocation, snapshot.statusLists(), this::authority);
    }

    /** Reloads the active anchors and authorities; a reload that started earlier never replaces a later one. */
    public Uni<Void> refresh() {
        return Uni.createFrom().deferred(() -> {
            long ticket = tickets.incrementAndGet();
            Uni<List<X509TrustAnchor>> anchors = pool.query(ACTIVE_ANCHORS).execute()
                    .map(rows -> decode(rows, CredentialVerification::anchor, "trust anchor"));
            Uni<List<LicensingAuthority>> authorities = pool.query(ACTIVE_AUTHORITIES).execute()
                    .map(rows -> decode(rows, CredentialVerification::authority, "licensing authority"));
            return Uni.combine().all().unis(anchors, authorities).asTuple()
                    .invoke(both -> apply(ticket, snapshot(both.getItem1(), both.getItem2())))
                    .replaceWithVoid();
        });
    }

    /**
     * The reload after a change this replica committed. Its failure does not fail the operator's request (the change
     * is committed and logged); the periodic reload catches up.
     */
    Uni<Void> refreshAfterChange() {
        return refresh().onFailure().recoverWithUni(failure -> {
            LOG.warnf("Reloading trust anchors and authorities after a change failed, the next periodic reload "
                    + "will catch up: %s", failure);
            return Uni.createFrom().voidItem();
        });
    }

    private synchronized void apply(long ticket, Snapshot next) {
        if (ticket > appliedTicket) {
            appliedTicket = ticket;
            if (!next.anchors().keySet().equals(snapshot.anchors().keySet())
                    || !next.authorities().keySet().equals(snapshot.authorities().keySet())) {
                LOG.infof("Verifying credentials with trust anchors %s and licensing authorities %s",
                        next.anchors().keySet(), next.authorities().keySet());
            }
            snapshot = next;
        }
    }

    private Snapshot snapshot(List<X509TrustAnchor> anchors, List<LicensingAuthority> authorities) {
        StatusListClient lists = statusLists.withAuthorities(authorities);
        return new Snapshot(byId(anchors, X509TrustAnchor::id), byId(authorities, LicensingAuthority::id),
                new CmsCredentialVerifier(anchors, revocation), new AttestationVerifier(authorities, lists), lists);
    }

    private static <T> Map<String, T> byId(List<T> list, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        list.forEach(item -> map.put(id.apply(item), item));
        return java.util.Collections.unmodifiableMap(map);
    }

    /** Rows that no longer decode are skipped, loudly, so that one bad row does not stop every verification. */
    private static <T> List<T> decode(Iterable<Row> rows, Function<Row, T> decoder, String what) {
        List<T> out = new ArrayList<>();
        for (Row row : rows) {
            try {
                out.add(decoder.apply(row));
            } catch (RuntimeException e) {
                LOG.errorf("Stored %s %s cannot be used and is skipped: %s", what, row.getString("id"), e.getMessage());
            }
        }
        return out;
    }

    private static X509TrustAnchor anchor(Row row) {
        TrustAnchorRow stored = new TrustAnchorRow();
        stored.id = row.getString("id");
        stored.caCertificates = row.getString("ca_certificates");
        stored.licenceAttributeOid = row.getString("licence_attribute_oid");
        stored.nameAttributeOid = row.getString("name_attribute_oid");
        stored.professionByPolicy = row.getString("profession_by_policy");
        stored.registeredOn = row.getLocalDate("registered_on");
        return RegistryJson.anchor(stored).definition();
    }

    private static LicensingAuthority authority(Row row) {
        LicensingAuthorityRow stored = new LicensingAuthorityRow();
        stored.id = row.getString("id");
        stored.issuer = row.getString("issuer");
        stored.jwks = row.getString("jwks");
        stored.vcts = row.getString("vcts");
        stored.claims = row.getString("claims");
        stored.professions = row.getString("professions");
        stored.statusListPrefixes = row.getString("status_list_prefixes");
        stored.registeredOn = row.getLocalDate("registered_on");
        return RegistryJson.authority(stored).definition();
    }

    /** Runs {@code work} on a worker thread against the snapshot current then; emits on the caller's context. */
    private Uni<VerifiedCredential> offload(Verification work) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            Uni<VerifiedCredential> verified = Uni.createFrom().<VerifiedCredential>emitter(emitter -> {
                try {
                    emitter.complete(work.run(snapshot));
                } catch (CredentialRefusal refusal) {
                    emitter.fail(refusal);
                }
            }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
            return caller == null ? verified : verified.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
    }
}
