;;; gia-lint-eglot.el --- gia-lint language server with Eglot (Emacs 29+)  -*- lexical-binding: t; -*-
;; Load it from your init file:  (load "/path/to/gia-lint/editors/emacs/gia-lint-eglot.el")
;; then M-x eglot in a report buffer, or keep the hooks below to start it automatically.

(require 'eglot)

(add-to-list 'eglot-server-programs
             ;; Eglot names the language after the mode (gfm-mode would be "gfm"): say which one it is.
             '(((markdown-mode :language-id "markdown")
                (gfm-mode :language-id "markdown")
                (mhtml-mode :language-id "html")
                (html-mode :language-id "html")
                (text-mode :language-id "plaintext"))
               . ("gia-lint" "--lsp" "--stdio"
                  :initializationOptions (:locale "zh-CN"))))

;; Settings answered to workspace/configuration (the "gia-lint" section), e.g. per project in .dir-locals.el.
(setq-default eglot-workspace-configuration
              '(:gia-lint (:locale "zh-CN")))

(dolist (hook '(markdown-mode-hook gfm-mode-hook mhtml-mode-hook))
  (add-hook hook #'eglot-ensure))

(provide 'gia-lint-eglot)
;;; gia-lint-eglot.el ends here
