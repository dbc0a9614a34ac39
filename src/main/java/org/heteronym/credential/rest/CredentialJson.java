package org.heteronym.credential.rest;

import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.heteronym.credential.CaCertificates;
import org.heteronym.credential.LicensingAuthority;
import org.heteronym.credential.Registered;
import org.heteronym.credential.RegistryJson;
import org.heteronym.credential.X509TrustAnchor;

/** JSON shapes of the trust anchor and licensing authority admin API (docs/credentials.md). */
final class CredentialJson {

    private CredentialJson() {
    }

    static Map<String, Object> anchor(Registered<X509TrustAnchor> registered) {
        X509TrustAnchor anchor = registered.definition();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", anchor.id());
        json.put("certificates", anchor.caCertificates().stream().map(CredentialJson::certificate).toList());
        Map<String, Object> fields = RegistryJson.anchorFields(anchor);
        json.put("licence_attribute_oid", fields.get("licence_attribute_oid"));
        json.put("name_attribute_oid", fields.get("name_attribute_oid"));
        json.put("profession_by_policy", fields.get("profession_by_policy"));
        dates(json, registered);
        return json;
    }

    static Map<String, Object> authority(Registered<LicensingAuthority> registered) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", registered.definition().id());
        json.putAll(RegistryJson.authorityFields(registered.definition()));
        dates(json, registered);
        return json;
    }

    private static Map<String, Object> certificate(X509Certificate cert) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sha256", CaCertificates.sha256(cert));
        json.put("subject", cert.getSubjectX500Principal().getName());
        json.put("not_after", cert.getNotAfter().toInstant().toString());
        return json;
    }

    private static void dates(Map<String, Object> json, Registered<?> registered) {
        json.put("registered_on", registered.registeredOn().toString());
        registered.retiredOn().ifPresent(on -> json.put("retired_on", on.toString()));
    }
}
