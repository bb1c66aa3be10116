package org.carepath.clinicview;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ClinicViewApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClinicViewApplication.class, args);
    }
}
