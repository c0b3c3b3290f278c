# Build: ./mvnw package -DskipTests, then docker compose up --build
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY target/rapport-*.jar /app/rapport.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/rapport.jar"]
