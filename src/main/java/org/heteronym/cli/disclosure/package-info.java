/**
 * What the trustee and officer tools share for court-ordered disclosure (docs/disclosure.md): the log entries and
 * the service's view of a request, parsed; the checks that tie the two together; the share context derived from the
 * log; and the {@code Heteronym-Trustee} request signature. All pure but {@link DisclosureLog}, which reads through the verified log.
 */
package org.heteronym.cli.disclosure;
