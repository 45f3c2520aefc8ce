-- gia-lint language server for Neovim's built-in LSP client (Neovim 0.7 and later).
--
--   local gia = dofile('/path/to/gia-lint/editors/neovim/gia-lint.lua')   -- or copy it to lua/gia-lint.lua and require('gia-lint')
--   gia.setup({ settings = { locale = 'zh-CN', previous = 'reports/2023.md' } })
--
-- Starts `gia-lint --lsp --stdio` for Markdown, HTML and plain-text buffers, one server per root
-- (the nearest directory holding .gianrc / .gianrc.json / .git, else the current directory).
-- `settings` are the server's settings (README, "Editor integration (LSP)"), sent both as
-- initializationOptions and as the `gia-lint` section of workspace/configuration.
local M = {}

local function root_of(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.fn.getcwd()
  for _, marker in ipairs({ '.gianrc', '.gianrc.json' }) do
    local found = vim.fn.findfile(marker, dir .. ';')
    if found ~= '' then return vim.fn.fnamemodify(found, ':p:h') end
  end
  local git = vim.fn.finddir('.git', dir .. ';')
  -- ':p' of a directory ends in '/', so ':h' twice climbs from '.git/' to the folder holding it.
  if git ~= '' then return vim.fn.fnamemodify(git, ':p:h:h') end
  return vim.fn.getcwd()
end

local clients = {} -- root -> client id (Neovim 0.7, which has no vim.lsp.start)

function M.config(bufnr, opts)
  local root = root_of(bufnr)
  return {
    name = 'gia-lint',
    cmd = opts.cmd or { 'gia-lint', '--lsp', '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = opts.settings or vim.empty_dict(),
    settings = { ['gia-lint'] = opts.settings or vim.empty_dict() },
  }
end

function M.setup(opts)
  opts = opts or {}
  vim.api.nvim_create_autocmd('FileType', {
    group = vim.api.nvim_create_augroup('gia-lint', { clear = true }),
    pattern = opts.filetypes or { 'markdown', 'html', 'text' },
    callback = function(args)
      local config = M.config(args.buf, opts)
      if vim.lsp.start then
        vim.lsp.start(config, { bufnr = args.buf })
      else
        local id = clients[config.root_dir]
        if not id or not vim.lsp.get_client_by_id(id) then
          id = vim.lsp.start_client(config)
          clients[config.root_dir] = id
        end
        if id then vim.lsp.buf_attach_client(args.buf, id) end
      end
    end,
  })
end

return M
