package org.heteronym.oidc.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

/** The pages of a forum login (templates/OidcPages/*.html), on the member pages' layout. */
@CheckedTemplate(basePath = "OidcPages")
final class OidcPages {

    /** One hidden field of the consent form: the authorization request travels through the member's answer. */
    record Param(String name, String value) {
    }

    private OidcPages() {
    }

    static native TemplateInstance consent(String forumName, boolean handle, boolean email, String profession,
                                           List<Param> params);

    static native TemplateInstance refused(String forumName, String reason, String back);

    static native TemplateInstance badRequest(String error);
}
