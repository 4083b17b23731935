package dev.restauth.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.restauth.auth.Authentication;

import org.junit.jupiter.api.Test;

import java.util.List;

class RouterTest {
    private static final ApiServlet.ApiSupport SUPPORT =
            new ApiServlet.ApiSupport(new Authentication(List.of()), 1024);

    @Test
    void aPathMatchesWithAndWithoutItsTrailingSlash() {
        ApiServlet login = new Endpoint();
        Router router = new Router(SUPPORT).add("/login/", login);
        assertSame(login, router.match("/login/").orElseThrow().servlet());
        assertSame(login, router.match("/login").orElseThrow().servlet());
        assertTrue(router.match("/login/x").isEmpty());
        assertTrue(router.match("/logi").isEmpty());
        assertTrue(router.match(null).isEmpty());
    }

    @Test
    void aParameterSegmentMatchesOneNonEmptySegment() {
        ApiServlet confirm = new Endpoint();
        Router router = new Router(SUPPORT).add("/registration/account-confirm-email/{key}/", confirm);
        Router.Match match = router.match("/registration/account-confirm-email/MQ:1xXSaC:abc/").orElseThrow();
        assertSame(confirm, match.servlet());
        assertEquals("MQ:1xXSaC:abc", match.parameter());
        assertEquals("k", router.match("/registration/account-confirm-email/k").orElseThrow().parameter());
        assertTrue(router.match("/registration/account-confirm-email/").isEmpty());
        assertTrue(router.match("/registration/account-confirm-email/a/b/").isEmpty());
    }

    @Test
    void aParameterInTheMiddleOfThePathMatches() {
        Router router = new Router(SUPPORT).add("/socialaccounts/{pk}/disconnect/", new Endpoint());
        assertEquals("12", router.match("/socialaccounts/12/disconnect/").orElseThrow().parameter());
        assertTrue(router.match("/socialaccounts/12/").isEmpty());
    }

    @Test
    void registeringAPathTwiceThrows() {
        Router router = new Router(SUPPORT).add("/login/", new Endpoint());
        assertThrows(IllegalArgumentException.class, () -> router.add("/login", new Endpoint()));
        router.add("/a/{x}/", new Endpoint());
        assertThrows(IllegalArgumentException.class, () -> router.add("/a/{y}", new Endpoint()));
    }

    @Test
    void moreThanOneParameterIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Router(SUPPORT).add("/{a}/{b}/", new Endpoint()));
        assertThrows(IllegalArgumentException.class, () -> new Router(SUPPORT).add("/a{b}/", new Endpoint()));
    }

    @Test
    void pathsListsTheTableInOrder() {
        Router router = new Router(SUPPORT).add("/login/", new Endpoint()).add("/x/{p}/y/", new Endpoint());
        assertEquals(List.of("/login", "/x/{param}/y"), router.paths());
    }

    private static final class Endpoint extends ApiServlet {
        Endpoint() {
            super(Access.ANYONE, "POST");
        }
    }
}
