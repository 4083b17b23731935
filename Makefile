# restauth: every day-to-day command. `make` alone lists them.
MVN      ?= mvn -B -q
JAVA     ?= java
# The JVM flags the standalone server runs with (and the benchmark measures): a small serial-collected heap, and
# native memory the JIT compilers freed handed back to the system every 5 s (a JDK 17.0.11+ flag; older JDKs skip
# it), keep memory low; the optimising compiler stays on, as it doubles the requests served per core.
JVM_FLAGS ?= -XX:+UseSerialGC -Xms32m -Xmx256m -Xss512k -XX:+IgnoreUnrecognizedVMOptions -XX:TrimNativeHeapInterval=5000
JAR      := target/restauth.jar
WAR      := target/restauth.war
ARGS     ?=
# Everything the jar (and the WAR and test classes built beside it) is made from: `make run` rebuilds only when one
# of these is newer than the jar.
SOURCES  := pom.xml web.xml $(shell find src sql -type f)

.DEFAULT_GOAL := help
.PHONY: help build test run migrate createsuperuser war bench faults clean import-django

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

build: $(JAR) ## compile and package target/restauth.jar (tests skipped), when a source changed

# One `package` makes both; Maven leaves an up-to-date archive untouched, so the touch tells make they are current.
$(JAR) $(WAR) &: $(SOURCES)
	$(MVN) package -DskipTests
	@touch $(JAR) $(WAR)

test: ## run every test (PostgreSQL/MariaDB tests skip visibly when unreachable)
	$(MVN) verify

run: $(JAR) ## start the server: API on http://127.0.0.1:8000/rest-auth/, demo page on /, H2 under ./var/
	$(JAVA) $(JVM_FLAGS) -jar $(JAR) serve $(ARGS)

migrate: $(JAR) ## apply the migrations in sql/ to the configured database
	$(JAVA) -jar $(JAR) migrate $(ARGS)

createsuperuser: $(JAR) ## create a superuser: make createsuperuser ARGS="--username admin --email admin@example.com"
	$(JAVA) -jar $(JAR) createsuperuser $(ARGS)

import-django: $(JAR) ## take a Django site's users over: ARGS="--from jdbc:sqlite:/path/db.sqlite3 [--dry-run]"
	$(JAVA) -jar $(JAR) import-django $(ARGS)

war: $(WAR) ## build target/restauth.war (Servlet 6) and target/restauth-javax.war (Servlet 4.0); every build makes both

bench: $(JAR) ## measure restauth against a bare baseline and argon2's bound: ARGS="--quick", "--soak", "--database postgresql" (not in make test)
	$(JAVA) -Dbench.jvm_flags='$(JVM_FLAGS)' -cp 'target/test-classes:$(JAR):target/lib/*' dev.restauth.bench.Bench $(ARGS)

faults: ## kill -9 cycles and full-disk episodes, as a table (not in make test): ARGS="-Dfaults.cycles=20 -Dfaults.episodes=10"
	$(MVN) verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FaultsSoak $(ARGS)

clean: ## remove build output (keeps ./var/)
	$(MVN) clean
