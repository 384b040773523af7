-- Drives Neovim's built-in LSP client (0.7 API: vim.lsp.start_client) against `launchc lsp`:
-- opens the launch config, waits for the published diagnostics, applies lint's Fix for the first
-- finding (the action titled g:launchc_fix_prefix…), waits for the diagnostics of the edited text,
-- applies "Ignore … on this line" to the finding left, and asks for a hover.
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

  -- Asks for the code actions on a finding and applies the first whose title starts with `prefix`;
  -- returns every title offered.
  local client = vim.lsp.get_client_by_id(client_id)
  local function apply_action(target, prefix)
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      range = { start = { line = target.lnum, character = target.col }, ['end'] = { line = target.lnum, character = target.col } },
      context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, target.lnum) },
    }
    local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
    assert(responses, 'no code action response')
    local titles = {}
    local chosen
    for _, response in pairs(responses) do
      for _, action in ipairs(response.result or {}) do
        table.insert(titles, action.title)
        if chosen == nil and action.title:sub(1, #prefix) == prefix then
          chosen = action
        end
      end
    end
    assert(chosen, 'no code action starting with "' .. prefix .. '" among ' .. table.concat(titles, ', '))
    vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
    return titles
  end

  local function code_of(d)
    return (d.user_data or {}).lsp and d.user_data.lsp.code or d.code
  end

  -- The edit is sent as didChange; wait until the finding it resolved is gone.
  local function wait_gone(code)
    vim.wait(10000, function()
      for _, d in ipairs(diagnostics()) do
        if d.code == code then return false end
      end
      return true
    end, 50)
  end

  -- lint's Fix for the first finding (the misspelt flag): the rename `lint --fix` makes.
  local target = vim.diagnostic.get(buf)[1]
  result.actions = apply_action(target, vim.g.launchc_fix_prefix)
  result.fixed_line = vim.api.nvim_buf_get_lines(buf, target.lnum, target.lnum + 1, false)[1]
  step('quickfix')
  wait_gone(code_of(target))
  result.after = diagnostics()
  step('rediagnosed')

  -- The inline suppression for the finding that is left.
  local left = vim.diagnostic.get(buf)[1]
  assert(left, 'no finding left to ignore')
  apply_action(left, 'Ignore ')
  result.ignored_line = vim.api.nvim_buf_get_lines(buf, left.lnum, left.lnum + 1, false)[1]
  wait_gone(code_of(left))
  result.after_ignore = diagnostics()
  step('ignored')

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
