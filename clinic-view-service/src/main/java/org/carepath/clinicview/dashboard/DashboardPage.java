package org.carepath.clinicview.dashboard;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * CONTRACT.md "Clinic view": the operations dashboard at {@code /}. The page and its assets hold no data, so they are
 * open rows of the AccessTable; the page reads the figures from {@code /api/v1/overview} with the operations
 * access token the user gives it (kept in the tab's sessionStorage), and never renders what it reads as markup.
 */
@Controller
class DashboardPage {

    /** Scripts, styles and requests from this origin only: a token in sessionStorage is only as safe as the page. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final Resource PAGE = new ClassPathResource("static/dashboard/index.html");

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok()
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .contentType(MediaType.TEXT_HTML)
                .body(PAGE);
    }
}
