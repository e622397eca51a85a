package jp.oqs.web.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Browser protections for the console's pages: not framed (clickjacking), scripts and styles only from the
 * console itself, no caching of pages that show personal or registry data, no referrer leaving the site.
 */
@WebFilter(urlPatterns = {"/console/*", "/jakarta.faces.resource/*"})
public class ConsoleHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        // no inline script or handler anywhere: the pages' behaviour is wired by resources/console/console.js
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                + "style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'");
        if (request.getRequestURI().contains("/console/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
