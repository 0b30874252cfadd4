# Multi-stage build: the SDK image compiles, the ASP.NET runtime image runs as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /source
COPY . .
# ReadyToRun (compiled ahead of time for the target architecture) takes about a third off start-up.
RUN dotnet publish src/DongNai.EthnicPortal.Web -c Release -a "$TARGETARCH" --self-contained false -p:PublishReadyToRun=true -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /var/lib/portal \
    && chown -R app:app /var/lib/portal
COPY --from=build /app .
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Portal__Storage__Root=/var/lib/portal \
    TZ=Asia/Ho_Chi_Minh
VOLUME ["/var/lib/portal"]
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl --fail --silent http://localhost:8080/health/ready || exit 1
ENTRYPOINT ["dotnet", "DongNai.EthnicPortal.Web.dll"]
