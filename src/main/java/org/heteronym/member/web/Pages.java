package org.heteronym.member.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;
import org.heteronym.disclosure.DisclosureNotice;
import org.heteronym.member.Challenge;
import org.heteronym.member.MemberView;

/** The member-facing pages (templates/Pages/*.html), all built on templates/layout.html. */
@CheckedTemplate(basePath = "Pages")
final class Pages {

    private Pages() {
    }

    static native TemplateInstance home();

    static native TemplateInstance enroll(Challenge challenge, String error);

    static native TemplateInstance notReady(String error);

    static native TemplateInstance passkey(String profession, String authority, boolean returning);

    static native TemplateInstance signIn(String next, String notice);

    static native TemplateInstance member(MemberView member, String notice, List<DisclosureNotice> disclosures,
                                          String next);
}
