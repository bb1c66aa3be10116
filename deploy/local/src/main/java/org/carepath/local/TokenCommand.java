package org.carepath.local;

import java.io.PrintStream;
import java.net.URI;

/** {@code deploy/carepath token ROLE [--mrn MRN]}: one access token from the running local issuer, for curl. */
final class TokenCommand {

    static final int USAGE = 64;

    private TokenCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        String role = args.length >= 2 ? args[1] : null;
        String mrn = args.length == 4 && args[2].equals("--mrn") ? args[3] : null;
        boolean wellFormed = role != null && (args.length == 2 || mrn != null);
        if (!wellFormed || (role.equals("patient") != (mrn != null))) {
            err.println("usage: deploy/carepath token clinician|staff|integration|operations|admin");
            err.println("       deploy/carepath token patient --mrn MRN");
            return USAGE;
        }
        String issuer = System.getenv().getOrDefault("CAREPATH_ISSUER_URI", "http://127.0.0.1:9000");
        LocalTokens tokens = new LocalTokens(URI.create(issuer));
        try {
            out.println(mrn == null ? tokens.forRole(role) : tokens.forPatient(mrn));
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("ERROR " + e.getMessage() + " (is `deploy/carepath up` running?)");
            return 1;
        }
    }
}
