package dev.restauth.demo;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.restauth.http.Json;
import dev.restauth.mail.Mail;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /demo/mail}: the links in the mails the console printed lately, newest mail first:
 * {@code {"mails":[{"to":"alice@example.com","subject":"[example.com] Please Confirm Your E-mail Address",
 * "links":["http://127.0.0.1:8000/rest-auth/registration/account-confirm-email/MQ:1u.../"]}]}}.
 *
 * <p>The links confirm addresses and reset passwords, so the answer is for the developer at this machine only:
 * a request from another address, or naming another host than {@code localhost}, {@code 127.0.0.1} or {@code [::1]}
 * in its Host header (a page of another site that had its name resolve to 127.0.0.1, to read this as its own),
 * gets the same 404 as a server without the mailbox. It exists only where {@link DemoMailbox#wanted} allows it.
 */
final class DemoMailServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Set<String> LOCAL_HOST_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

    private final transient DemoMailbox mailbox;

    DemoMailServlet(DemoMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DemoServlet.securityHeaders(response);
        if (!fromThisMachine(request)) {
            DemoServlet.notFound(response);
            return;
        }
        JsonArray mails = new JsonArray();
        for (Mail mail : mailbox.recent()) {
            JsonObject shown = new JsonObject();
            shown.addProperty("to", mail.to());
            shown.addProperty("subject", mail.subject());
            JsonArray links = new JsonArray();
            Matcher matcher = LINK.matcher(mail.body());
            while (matcher.find()) {
                links.add(matcher.group());
            }
            shown.add("links", links);
            mails.add(shown);
        }
        JsonObject body = new JsonObject();
        body.add("mails", mails);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        DemoServlet.write(response, Json.bytes(body));
    }

    private static boolean fromThisMachine(HttpServletRequest request) {
        if (!LOCAL_HOST_NAMES.contains(request.getServerName().toLowerCase(Locale.ROOT))) {
            return false;
        }
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false; // not an address literal: nothing to trust
        }
    }
}
