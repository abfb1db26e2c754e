--[[
  A small JSON reader and writer for the Lua test harnesses, standing in for Roblox's
  HttpService:JSONDecode and JSONEncode.
]]

local function decode(text)
  local pos = 1
  local value
  local function skip() pos = string.find(text, "[^ \t\r\n]", pos) or #text + 1 end
  local function utf8(cp)
    if cp < 0x80 then return string.char(cp) end
    if cp < 0x800 then return string.char(0xC0 + math.floor(cp / 64), 0x80 + cp % 64) end
    if cp < 0x10000 then return string.char(0xE0 + math.floor(cp / 4096), 0x80 + math.floor(cp / 64) % 64, 0x80 + cp % 64) end
    return string.char(0xF0 + math.floor(cp / 262144), 0x80 + math.floor(cp / 4096) % 64, 0x80 + math.floor(cp / 64) % 64, 0x80 + cp % 64)
  end
  local function str()
    local parts = {}
    pos = pos + 1
    while true do
      local c = string.sub(text, pos, pos)
      if c == '"' then pos = pos + 1; return table.concat(parts) end
      if c == "\\" then
        local e = string.sub(text, pos + 1, pos + 1)
        local simple = ({ n = "\n", t = "\t", r = "\r", b = "\b", f = "\f", ['"'] = '"', ["\\"] = "\\", ["/"] = "/" })[e]
        if simple then parts[#parts + 1] = simple; pos = pos + 2
        else
          local cp = tonumber(string.sub(text, pos + 2, pos + 5), 16)
          pos = pos + 6
          if cp >= 0xD800 and cp < 0xDC00 and string.sub(text, pos, pos + 1) == "\\u" then
            local low = tonumber(string.sub(text, pos + 2, pos + 5), 16)
            cp = 0x10000 + (cp - 0xD800) * 1024 + (low - 0xDC00)
            pos = pos + 6
          end
          parts[#parts + 1] = utf8(cp)
        end
      else
        local stop = string.find(text, '["\\]', pos)
        parts[#parts + 1] = string.sub(text, pos, stop - 1)
        pos = stop
      end
    end
  end
  value = function()
    skip()
    local c = string.sub(text, pos, pos)
    if c == "{" then
      local object = {}
      pos = pos + 1; skip()
      if string.sub(text, pos, pos) == "}" then pos = pos + 1; return object end
      while true do
        skip()
        local key = str()
        skip(); pos = pos + 1
        object[key] = value()
        skip()
        local sep = string.sub(text, pos, pos); pos = pos + 1
        if sep == "}" then return object end
      end
    elseif c == "[" then
      local array = {}
      pos = pos + 1; skip()
      if string.sub(text, pos, pos) == "]" then pos = pos + 1; return array end
      while true do
        array[#array + 1] = value()
        skip()
        local sep = string.sub(text, pos, pos); pos = pos + 1
        if sep == "]" then return array end
      end
    elseif c == '"' then return str()
    elseif string.sub(text, pos, pos + 3) == "true" then pos = pos + 4; return true
    elseif string.sub(text, pos, pos + 4) == "false" then pos = pos + 5; return false
    elseif string.sub(text, pos, pos + 3) == "null" then pos = pos + 4; return nil
    else
      local number = string.match(text, "^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
      pos = pos + #number
      return tonumber(number)
    end
  end
  return value()
end

local function encode(value)
  local t = type(value)
  if t == "nil" then return "null" end
  if t == "boolean" then return value and "true" or "false" end
  if t == "number" then return string.format("%.17g", value) end
  if t == "string" then
    return '"' .. string.gsub(value, '[%c"\\]', function(ch) return string.format("\\u%04x", string.byte(ch)) end) .. '"'
  end
  local parts = {}
  if value[1] ~= nil then
    for _, item in ipairs(value) do parts[#parts + 1] = encode(item) end
    return "[" .. table.concat(parts, ",") .. "]"
  end
  for k, v in pairs(value) do parts[#parts + 1] = encode(tostring(k)) .. ":" .. encode(v) end
  return "{" .. table.concat(parts, ",") .. "}"
end

return { decode = decode, encode = encode }
