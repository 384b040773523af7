-- Drives Neovim's built-in LSP client (0.7 API: vim.lsp.start_client) against `launchc lsp`:
-- opens the launch config, waits for the published diagnostics, applies the quick fix for the first
-- did-you-mean finding, waits for the diagnostics of the edited text and asks for a hover.
-- Everything it saw goes as JSON to g:launchc_result; NeovimLspIT asserts on it.
local result = { steps = {} }

local function step(name)
  table.insert(result.steps, name)
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.g.launchc_file))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'launchc',
    cmd = { vim.g.launchc_java, '-jar', vim.g.launchc_jar, 'lsp' },
    root_dir = vim.fn.fnamemodify(vim.g.launchc_file, ':h'),
  })
  assert(client_id, 'vim.lsp.start_client failed')
  assert(vim.lsp.buf_attach_client(buf, client_id), 'buf_attach_client failed')
  step('attached')

  local function diagnostics()
    local out = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local lsp = (d.user_data or {}).lsp or {}
      table.insert(out, {
        lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
        severity = d.severity, message = d.message, source = d.source,
        code = d.code or lsp.code,
        href = (lsp.codeDescription or {}).href,
      })
    end
    return out
  end

  assert(vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 50), 'no diagnostics within 60 s')
  result.before = diagnostics()
  step('diagnostics')

  local target = vim.diagnostic.get(buf)[1]
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = target.lnum, character = target.col }, ['end'] = { line = target.lnum, character = target.col } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, target.lnum) },
  }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
  assert(responses, 'no code action response')
  result.actions = {}
  local fix
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      table.insert(result.actions, action.title)
      if fix == nil and action.title:find('^Change to ') then
        fix = action
      end
    end
  end
  assert(fix, 'no did-you-mean quick fix among the code actions')
  local client = vim.lsp.get_client_by_id(client_id)
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding or 'utf-16')
  result.fixed_line = vim.api.nvim_buf_get_lines(buf, target.lnum, target.lnum + 1, false)[1]
  step('quickfix')

  -- The edit is sent as didChange; wait until the finding it fixed is gone.
  local fixed_code = (target.user_data or {}).lsp and target.user_data.lsp.code or target.code
  vim.wait(10000, function()
    for _, d in ipairs(diagnostics()) do
      if d.code == fixed_code then return false end
    end
    return true
  end, 50)
  result.after = diagnostics()
  step('rediagnosed')

  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = vim.g.launchc_hover_line, character = vim.g.launchc_hover_character },
  }, 10000)
  for _, response in pairs(hover or {}) do
    if response.result then
      result.hover = response.result.contents.value or response.result.contents
    end
  end
  step('hover')

  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end

local ok, err = pcall(run)
result.ok = ok
if not ok then
  result.error = tostring(err)
end
local f = assert(io.open(vim.g.launchc_result, 'w'))
f:write(vim.fn.json_encode(result))
f:close()
vim.cmd('qall!')
