export declare const PACKAGE_INFO: {
    readonly name: "connected-app-lint";
    readonly homepage: "https://github.com/connected-app-lint/connected-app-lint#readme";
    readonly repository: "git+https://github.com/connected-app-lint/connected-app-lint.git";
};
