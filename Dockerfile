# Builds and runs Lead Journey. Used by docker-compose.yml; tests are run by ./mvnw verify, not here.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp dependency:go-offline
COPY bpmn bpmn
COPY forms forms
COPY src src
RUN ./mvnw -B -ntp -DskipTests package && cp target/lead-journey-*.jar /src/app.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 leadjourney
USER leadjourney
WORKDIR /app
COPY --from=build /src/app.jar app.jar
EXPOSE 8080
# Half the container's memory for the heap: in a 1 GiB container the JVM stays under 1 GiB resident
# (FootprintBenchmark, README "Performance").
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-jar", "/app/app.jar"]
