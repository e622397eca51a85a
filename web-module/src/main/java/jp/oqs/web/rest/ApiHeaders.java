package jp.oqs.web.rest;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Every API answer, and every error body the container sends itself (an invalid token, a path outside the API),
 * may hold personal data or say something about it: never stored by a cache or a browser, never sniffed as
 * another content type than the declared JSON.
 */
@WebFilter(urlPatterns = {"/api/*", "/errors/*"}, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class ApiHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(request, response);
    }
}
